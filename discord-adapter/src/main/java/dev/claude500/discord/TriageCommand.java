package dev.claude500.discord;

import dev.claude500.chat.Actor;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.Reply;
import dev.claude500.commands.Answer;
import dev.claude500.commands.Command;
import dev.claude500.commands.Commands;
import dev.claude500.commands.Invocation;
import dev.claude500.triage.Disposition;
import dev.claude500.triage.TriageEngine;
import dev.claude500.triage.TriageResult;
import java.util.Objects;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.attribute.IThreadContainer;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /claude500 triage [error]} and {@code /claude500 playbook id:<id> [error]}. In a channel,
 * the bot's reply is the acknowledgement: the triage's opening from the core (who started which
 * triage, coloured by what it already knows of the status page); a thread is started from that
 * reply and the triage runs in it, keyed by (channel, thread). Inside a thread, the triage runs in
 * that thread, unless it already holds one. A playbook that does not exist is said to the person
 * only. An opening made before the status page was read (a cold start) is edited to show the page
 * once the triage has read it ({@link Commands#openingOnceRead}).
 */
final class TriageCommand {
  private static final Logger LOG = LoggerFactory.getLogger(TriageCommand.class);

  private final Commands commands;
  private final TriageEngine engine;
  private final Worker work;
  private final ThreadPosts posts;
  private final DiscordMessages messages;

  TriageCommand(Commands commands, TriageEngine engine, Worker work, ThreadPosts posts, DiscordMessages messages) {
    this.commands = Objects.requireNonNull(commands, "commands");
    this.engine = Objects.requireNonNull(engine, "engine");
    this.work = Objects.requireNonNull(work, "work");
    this.posts = Objects.requireNonNull(posts, "posts");
    this.messages = Objects.requireNonNull(messages, "messages");
  }

  /** Acknowledges {@code triage} at once (the core answers a triage without waiting) and starts its work. */
  void handle(SlashCommandInteractionEvent event, Command.Triage triage) {
    MessageChannelUnion channel = event.getChannel();
    boolean inThread = channel.getType().isThread();
    if (!inThread && !Interactions.holdsThreads(channel.getType())) {
      event.reply(DiscordMessages.single("A triage runs in a thread: use `/claude500 triage` in a text channel."))
          .setEphemeral(true).queue(null, e -> LOG.warn("could not answer a triage: {}", e.toString()));
      return;
    }
    Invocation invocation = Interactions.invocation(event);
    Actor actor = invocation.actor();
    Answer answer = commands.answer(triage, invocation);
    if (!(answer instanceof Answer.StartTriage start)) {
      event.reply(messages.render(((Answer.Say) answer).reply()).get(0)).setEphemeral(true)
          .queue(null, e -> LOG.warn("could not answer a triage: {}", e.toString()));
      return;
    }
    if (inThread) {
      ThreadChannel thread = channel.asThreadChannel();
      event.deferReply().queue(
          hook -> work.run(hook, "start a triage in thread " + thread.getId(),
              () -> startIn(hook, thread, invocation, start)),
          e -> LOG.warn("could not acknowledge a triage: {}", e.toString()));
      return;
    }
    IThreadContainer parent = channel.asThreadContainer();
    event.reply(opening(start.opening())).queue(
        hook -> work.run(hook, "start a triage in channel " + parent.getId(),
            () -> startUnder(hook, parent, invocation, start)),
        e -> LOG.warn("could not acknowledge a triage: {}", e.toString()));
  }

  private MessageCreateData opening(Reply.Opening opening) {
    return messages.render(opening).get(0);
  }

  private void startUnder(InteractionHook hook, IThreadContainer parent, Invocation invocation,
      Answer.StartTriage start) {
    Actor actor = invocation.actor();
    Message first = hook.hasCallbackResponse() && hook.getCallbackResponse().getMessage() != null
        ? hook.getCallbackResponse().getMessage()
        : hook.retrieveOriginal().complete();
    ThreadChannel thread = parent.createThreadChannel(threadName(start, actor), first.getId()).complete();
    ConversationKey key = new ConversationKey(DiscordAdapter.PLATFORM, parent.getId(), thread.getId());
    TriageResult result = engine.start(key, actor, start.pasted(), start.playbook().id());
    posts.post(key, result.replies());
    commands.openingOnceRead(start, invocation).ifPresent(opening -> showPage(hook, parent, opening));
  }

  /** Edits a triage's first message, posted before the status page was read, to show the page as read since. */
  private void showPage(InteractionHook hook, IThreadContainer parent, Reply.Opening opening) {
    try {
      hook.editOriginal(MessageEditData.fromCreateData(opening(opening))).complete();
    } catch (RuntimeException e) {
      LOG.info("first message of a triage in {} still says the page is unknown: {}", parent.getId(), e.toString());
    }
  }

  private void startIn(InteractionHook hook, ThreadChannel thread, Invocation invocation, Answer.StartTriage start) {
    Actor actor = invocation.actor();
    ConversationKey key = new ConversationKey(DiscordAdapter.PLATFORM, thread.getParentChannel().getId(), thread.getId());
    TriageResult result = engine.start(key, actor, start.pasted(), start.playbook().id());
    if (result.disposition() != Disposition.APPLIED) {
      hook.sendMessage(DiscordMessages.single("This thread already has a triage. Start a new one from the channel with "
          + "`/claude500 triage`.")).complete();
      return;
    }
    // the engine has read the page by now: the opening shows it, whatever it showed when typed
    hook.sendMessage(opening(commands.openingOnceRead(start, invocation).orElse(start.opening()))).complete();
    posts.post(key, result.replies());
  }

  static String threadName(Answer.StartTriage start, Actor actor) {
    return Limits.cut(start.playbook().title() + " triage · " + actor.displayName(), Limits.THREAD_NAME);
  }
}
