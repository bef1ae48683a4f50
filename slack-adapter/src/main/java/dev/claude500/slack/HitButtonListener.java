package dev.claude500.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.ButtonElement;
import dev.claude500.adapters.AdapterServices;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatPort;
import dev.claude500.chat.MessageRef;
import dev.claude500.commands.Apology;
import dev.claude500.hits.HitClick;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A click on an incident post's "I'm hit too" button: acknowledged at once, then on the worker the
 * core's {@link dev.claude500.hits.HitButton} applies it, and what it says is shown to the person
 * who clicked only (through the click's {@code response_url}). The click's {@code trigger_id} names
 * the delivery, so a repeated delivery counts once.
 */
final class HitButtonListener implements BlockActionHandler {
  /** The action id of the button. */
  static final String ACTION = "claude500_hit";
  private static final Logger LOG = LoggerFactory.getLogger(HitButtonListener.class);

  private final AdapterServices services;
  private final ChatPort port;
  private final Worker worker;
  private final WebApi web;

  HitButtonListener(AdapterServices services, ChatPort port, Worker worker, WebApi web) {
    this.services = Objects.requireNonNull(services, "services");
    this.port = Objects.requireNonNull(port, "port");
    this.worker = Objects.requireNonNull(worker, "worker");
    this.web = Objects.requireNonNull(web, "web");
  }

  /** Returns the button for an incident's post. */
  static ButtonElement button(String incidentId) {
    return ButtonElement.builder().actionId(ACTION)
        .text(PlainTextObject.builder().text("I'm hit too").emoji(true).build())
        .value(incidentId)
        .build();
  }

  @Override
  public Response apply(BlockActionRequest request, ActionContext context) {
    Optional<Click> click = Click.of(request.getPayload());
    click.ifPresent(c -> {
      boolean queued = worker.offer("hit click by " + c.click().personId(), () -> run(c),
          failure -> tell(c, SlackMessages.render(Apology.forFailure(failure))));
      if (!queued) {
        tell(c, SlackMessages.notice(CommandListener.BUSY, CommandListener.BUSY));
      }
    });
    return context.ack();
  }

  private void run(Click c) {
    services.hits().click(port, c.click()).ifPresent(said -> tell(c, SlackMessages.render(said)));
  }

  private void tell(Click c, SlackMessage message) {
    try {
      web.respondToClick(c.responseUrl(), message, false);
    } catch (SlackCallException e) {
      LOG.warn("answer to {} on {} not delivered: {}", c.click().personId(), c.click().post(), e.getMessage());
    }
  }

  /** What a click on the button says: the post, the incident, who, and where to answer. */
  private record Click(HitClick click, String responseUrl) {
    static Optional<Click> of(BlockActionPayload p) {
      if (p == null || p.getActions() == null || p.getActions().size() != 1 || p.getUser() == null
          || p.getResponseUrl() == null) {
        return Optional.empty();
      }
      BlockActionPayload.Action a = p.getActions().get(0);
      BlockActionPayload.Container box = p.getContainer();
      String channel = p.getChannel() != null ? p.getChannel().getId() : box == null ? null : box.getChannelId();
      String ts = box != null && box.getMessageTs() != null ? box.getMessageTs()
          : p.getMessage() == null ? null : p.getMessage().getTs();
      String delivery = p.getTriggerId() != null ? p.getTriggerId() : "action " + a.getActionTs();
      if (!ChannelRef.isValidId(channel) || !ChannelRef.isValidId(ts) || !ChannelRef.isValidId(a.getValue())
          || !ChannelRef.isValidId(p.getUser().getId()) || !ChannelRef.isValidId(delivery)) {
        return Optional.empty();
      }
      MessageRef post = new MessageRef(new ChannelRef(SlackAdapter.PLATFORM, channel), ts);
      return Optional.of(new Click(new HitClick(delivery, post, a.getValue(), p.getUser().getId()),
          p.getResponseUrl()));
    }
  }
}
