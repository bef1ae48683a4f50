package dev.claude500.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import dev.claude500.adapters.AdapterServices;
import dev.claude500.chat.Actor;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ConversationKey;
import dev.claude500.commands.Apology;
import dev.claude500.triage.Disposition;
import dev.claude500.triage.TriageResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A click on an answer button: acknowledged at once, then on the worker the answer goes to the
 * engine with the question's token. When the engine applies it, the clicked message loses its
 * buttons and says who chose what, and the next replies follow in the thread; a stale click (a
 * second click, an old question) changes nothing. When the answer cannot be applied (the store
 * unreachable for a moment) the question keeps its buttons and the person who clicked is told, in
 * a message only they see, to try again.
 */
final class AnswerButton implements BlockActionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(AnswerButton.class);

  private final AdapterServices services;
  private final Worker worker;
  private final WebApi web;
  private final ThreadPosts threads;
  private final UserNames names;

  AnswerButton(AdapterServices services, Worker worker, WebApi web, ThreadPosts threads, UserNames names) {
    this.services = Objects.requireNonNull(services, "services");
    this.worker = Objects.requireNonNull(worker, "worker");
    this.web = Objects.requireNonNull(web, "web");
    this.threads = Objects.requireNonNull(threads, "threads");
    this.names = Objects.requireNonNull(names, "names");
  }

  @Override
  public Response apply(BlockActionRequest request, ActionContext context) {
    Optional<Click> click = Click.of(request.getPayload());
    click.ifPresent(c -> worker.offer("answer from " + c.userId(), () -> run(c), failure ->
        web.postEphemeral(c.channelId(), c.userId(), c.threadTs(), SlackMessages.render(Apology.forFailure(failure)))));
    return context.ack();
  }

  private void run(Click c) {
    ConversationKey key = new ConversationKey(SlackAdapter.PLATFORM, c.channelId(), c.threadTs());
    Actor actor = names.actor(c.userId(), c.userName());
    threads.serially(key, () -> apply(key, actor, c));
  }

  private void apply(ConversationKey key, Actor actor, Click c) {
    TriageResult result = services.engine().answer(key, actor, c.value().token(), c.value().value());
    if (result.disposition() != Disposition.APPLIED) {
      LOG.debug("click in {} was {}", key, result.disposition());
      return;
    }
    Optional<List<LayoutBlock>> posted = threads.clicked(key, c.messageTs());
    List<LayoutBlock> shown = c.payload().getMessage() != null && c.payload().getMessage().getBlocks() != null
        ? c.payload().getMessage().getBlocks() : posted.orElse(null);
    try {
      web.update(c.channelId(), c.messageTs(), SlackMessages.answered(shown, c.label(), c.userId()));
    } catch (SlackCallException e) {
      LOG.info("clicked message in {} not updated: {}", key, e.getMessage());
    }
    threads.post(key, result.replies());
  }

  /** What a click says, when it is a click on one of our answer buttons inside a thread. */
  private record Click(BlockActionPayload payload, String channelId, String threadTs, String messageTs,
      String userId, String userName, ButtonValue value, String label) {

    static Optional<Click> of(BlockActionPayload p) {
      if (p == null || p.getActions() == null || p.getActions().size() != 1 || p.getUser() == null) {
        return Optional.empty();
      }
      BlockActionPayload.Action a = p.getActions().get(0);
      Optional<ButtonValue> value = ButtonValue.decode(a.getValue());
      BlockActionPayload.Container box = p.getContainer();
      String channel = p.getChannel() != null ? p.getChannel().getId() : box == null ? null : box.getChannelId();
      String thread = box != null && box.getThreadTs() != null ? box.getThreadTs()
          : p.getMessage() == null ? null : p.getMessage().getThreadTs();
      String ts = box != null && box.getMessageTs() != null ? box.getMessageTs()
          : p.getMessage() == null ? null : p.getMessage().getTs();
      if (value.isEmpty() || !ChannelRef.isValidId(channel) || !ChannelRef.isValidId(thread)
          || !ChannelRef.isValidId(ts) || !ChannelRef.isValidId(p.getUser().getId())) {
        return Optional.empty();
      }
      String userName = p.getUser().getUsername() != null ? p.getUser().getUsername() : p.getUser().getName();
      String label = a.getText() != null && a.getText().getText() != null ? a.getText().getText() : value.get().value();
      return Optional.of(new Click(p, channel, thread, ts, p.getUser().getId(), userName, value.get(), label));
    }
  }
}
