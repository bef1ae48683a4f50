package dev.claude500.discord;

import dev.claude500.bot.Answer;
import dev.claude500.bot.Command;
import dev.claude500.bot.Commands;
import dev.claude500.chat.Actor;
import dev.claude500.chat.ConversationKey;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /claude500 triage [error]} and {@code /claude500 playbook id:<id> [error]}. In a channel,
 * the bot's reply is the acknowledgement: the triage's opening from the core (who started which
 * triage, coloured by what it already knows of the status page); a thread is started from that
 * reply and the triage runs in it, keyed by (channel, thread). Inside a thread, the triage runs in
 * that thread, unless it already holds one. A playbook that does not exist is said to the person
 * only.
 */
final class TriageCommand {
  private static final Logger LOG = LoggerFactory.getLogger(TriageCommand.class);

  private final Commands commands;
  private final TriageEngine engine;
  private final Work work;
  private final ThreadPosts posts;
  private final DiscordMessages messages;

  TriageCommand(Commands commands, TriageEngine engine, Work work, ThreadPosts posts, DiscordMessages messages) {
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
    Actor actor = Interactions.actor(event);
    Answer answer = commands.answer(triage, Interactions.invocation(event));
    if (!(answer instanceof Answer.StartTriage start)) {
      event.reply(messages.render(((Answer.Say) answer).reply()).get(0)).setEphemeral(true)
          .queue(null, e -> LOG.warn("could not answer a triage: {}", e.toString()));
      return;
    }
    if (inThread) {
      ThreadChannel thread = channel.asThreadChannel();
      event.deferReply().queue(
          hook -> work.run(hook, "start a triage in thread " + thread.getId(), () -> startIn(hook, thread, actor, start)),
          e -> LOG.warn("could not acknowledge a triage: {}", e.toString()));
      return;
    }
    IThreadContainer parent = channel.asThreadContainer();
    event.reply(opening(start)).queue(
        hook -> work.run(hook, "start a triage in channel " + parent.getId(), () -> startUnder(hook, parent, actor, start)),
        e -> LOG.warn("could not acknowledge a triage: {}", e.toString()));
  }

  private MessageCreateData opening(Answer.StartTriage start) {
    return messages.render(start.opening()).get(0);
  }

  private void startUnder(InteractionHook hook, IThreadContainer parent, Actor actor, Answer.StartTriage start) {
    Message first = hook.hasCallbackResponse() && hook.getCallbackResponse().getMessage() != null
        ? hook.getCallbackResponse().getMessage()
        : hook.retrieveOriginal().complete();
    ThreadChannel thread = parent.createThreadChannel(threadName(start, actor), first.getId()).complete();
    ConversationKey key = new ConversationKey(DiscordAdapter.PLATFORM, parent.getId(), thread.getId());
    TriageResult result = engine.start(key, actor, start.pasted(), start.playbook().id());
    posts.post(key, result.replies());
  }

  private void startIn(InteractionHook hook, ThreadChannel thread, Actor actor, Answer.StartTriage start) {
    ConversationKey key = new ConversationKey(DiscordAdapter.PLATFORM, thread.getParentChannel().getId(), thread.getId());
    TriageResult result = engine.start(key, actor, start.pasted(), start.playbook().id());
    if (result.disposition() != Disposition.APPLIED) {
      hook.sendMessage(DiscordMessages.single("This thread already has a triage. Start a new one from the channel with "
          + "`/claude500 triage`.")).complete();
      return;
    }
    hook.sendMessage(opening(start)).complete();
    posts.post(key, result.replies());
  }

  static String threadName(Answer.StartTriage start, Actor actor) {
    return Limits.cut(start.playbook().title() + " triage · " + actor.displayName(), Limits.THREAD_NAME);
  }
}
