package dev.claude500.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.claude500.adapters.AdapterServices;
import dev.claude500.chat.Actor;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.Reply;
import dev.claude500.commands.Answer;
import dev.claude500.commands.Apology;
import dev.claude500.commands.Command;
import dev.claude500.commands.CommandParser;
import dev.claude500.commands.Invocation;
import dev.claude500.triage.TriageResult;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /claude500 ...}: acknowledged at once (empty), then on the worker the core answers it: a
 * triage is started in the thread of a new channel message (its opening), {@code stats} as {@link
 * SlackStats} shows it, any other answer is shown only to the person who typed it (through the
 * command's {@code response_url}). A repeated
 * delivery (same {@code trigger_id}) is dropped. When the worker is full the acknowledgement itself says so. When the work fails (the
 * store unreachable for a moment) the person is told so through the {@code response_url}, and a
 * triage's first message already posted is edited to say the triage did not start. A first message
 * posted before the status page was read (a cold start) is edited to show the page once the
 * triage has read it ({@link dev.claude500.commands.Commands#openingOnceRead}).
 */
final class CommandListener implements SlashCommandHandler {
  static final String BUSY = "claude500 is busy right now: please try again in a minute.";

  private static final Logger LOG = LoggerFactory.getLogger(CommandListener.class);

  private final AdapterServices services;
  private final Worker worker;
  private final WebApi web;
  private final TaggedPosts tagged;
  private final ThreadPosts threads;
  private final UserNames names;
  private final SlackStats stats;
  private final String botName;

  CommandListener(AdapterServices services, Worker worker, WebApi web, ThreadPosts threads, UserNames names,
      String botName) {
    this.botName = botName == null || botName.isBlank() ? "claude500" : botName;
    this.services = Objects.requireNonNull(services, "services");
    this.worker = Objects.requireNonNull(worker, "worker");
    this.web = Objects.requireNonNull(web, "web");
    this.tagged = new TaggedPosts(web);
    this.threads = Objects.requireNonNull(threads, "threads");
    this.names = Objects.requireNonNull(names, "names");
    this.stats = new SlackStats(web);
  }

  @Override
  public Response apply(SlashCommandRequest request, SlashCommandContext context) {
    SlashCommandPayload p = request.getPayload();
    if (p == null || !ChannelRef.isValidId(p.getChannelId()) || !ChannelRef.isValidId(p.getUserId())) {
      return context.ack();
    }
    Command command = CommandParser.parse(SlackText.plain(p.getText()));
    Typed in = new Typed(p.getChannelId(), p.getUserId(), p.getUserName(), p.getResponseUrl(), p.getTriggerId());
    return worker.offer("/claude500 from " + p.getUserId(), () -> run(command, in),
        failure -> respond(in, Apology.forFailure(failure))) ? context.ack() : context.ack(BUSY);
  }

  private void run(Command command, Typed in) {
    if (in.triggerId() != null && !services.store().seenDeliveries().firstSeen("slack:command:" + in.triggerId(),
        services.clock().instant())) {
      LOG.info("repeated slash command {} dropped", in.triggerId());
      return;
    }
    Actor actor = names.actor(in.userId(), in.userName());
    ChannelRef channel = new ChannelRef(SlackAdapter.PLATFORM, in.channelId());
    Invocation invocation = new Invocation(SlackAdapter.SURFACE, channel, actor);
    Answer answer = services.commands().answer(command, invocation);
    if (answer instanceof Answer.StartTriage start) {
      triage(start, in, invocation);
    } else if (answer instanceof Answer.Stats shown) {
      stats.show(shown, in.channelId(), message -> deliver(in, message));
    } else {
      respond(in, ((Answer.Say) answer).reply());
    }
  }

  private void triage(Answer.StartTriage start, Typed in, Invocation invocation) {
    String rootTs;
    try {
      rootTs = tagged.post(in.channelId(), null, false, SlackMessages.render(start.opening()), rootTag(in));
    } catch (SlackCallException e) {
      LOG.warn("triage not started in {}: {}", in.channelId(), e.getMessage());
      respond(in, e.isNotInChannel()
          ? SlackMessages.notice("I can't post in this channel yet: invite me with `/invite @" + SlackMarkdown.escape(botName)
              + "`, then try again.", "Invite me with /invite @" + botName + ", then try again.")
          : SlackMessages.notice("I could not start the triage: Slack answered `" + SlackMarkdown.escape(e.error()) + "`.",
              "I could not start the triage: " + e.error()));
      return;
    }
    if (rootTs == null) {
      return;
    }
    ConversationKey key = new ConversationKey(SlackAdapter.PLATFORM, in.channelId(), rootTs);
    threads.serially(key, () -> {
      TriageResult result;
      try {
        result = services.engine().start(key, invocation.actor(), start.pasted(), start.playbook().id());
      } catch (RuntimeException e) {
        withdraw(in, rootTs, start.playbook().title(), e);
        throw e;
      }
      threads.post(key, result.replies());
    });
    services.commands().openingOnceRead(start, invocation).ifPresent(opening -> showPage(in, rootTs, opening));
  }

  /** Edits a triage's first message, posted before the status page was read, to show the page as read since. */
  private void showPage(Typed in, String rootTs, Reply.Opening opening) {
    try {
      web.update(in.channelId(), rootTs, SlackMessages.render(opening));
    } catch (SlackCallException e) {
      LOG.info("first message of a triage in {} still says the page is unknown: {}", in.channelId(), e.getMessage());
    }
  }

  /** Edits a triage's first message, posted before its start failed, to say that it did not start. */
  private void withdraw(Typed in, String rootTs, String title, RuntimeException failure) {
    String why = Apology.textFor(failure).toPlainString();
    try {
      web.update(in.channelId(), rootTs, SlackMessages.notice(SlackMessages.mention(in.userId())
          + " tried to start a " + SlackMarkdown.escape(title) + " triage, but it did not start. " + SlackMarkdown.escape(why),
          "The triage did not start. " + why));
    } catch (SlackCallException e) {
      LOG.info("first message of a triage that did not start in {} not edited: {}", in.channelId(), e.getMessage());
    }
  }

  /** The triage's first message is found by its command's trigger, should Slack's answer to it be lost. */
  private static PostTag rootTag(Typed in) {
    return in.triggerId() == null ? PostTag.fresh("triage-root")
        : new PostTag("triage-root/" + in.triggerId(), Optional.empty());
  }

  private void respond(Typed in, Reply reply) {
    respond(in, SlackMessages.render(reply));
  }

  private void respond(Typed in, SlackMessage message) {
    try {
      deliver(in, message);
    } catch (SlackCallException e) {
      LOG.warn("answer to {} in {} not delivered: {}", in.userId(), in.channelId(), e.getMessage());
    }
  }

  /** Answers through the command's {@code response_url}; throws {@link SlackCallException} when Slack does not take it. */
  private void deliver(Typed in, SlackMessage message) {
    if (in.responseUrl() == null) {
      LOG.warn("no response_url to answer {} in {}", in.userId(), in.channelId());
      return;
    }
    web.respond(in.responseUrl(), message);
  }

  /** One typing of the command: where, who, and how to answer them. */
  private record Typed(String channelId, String userId, String userName, String responseUrl, String triggerId) {}
}
