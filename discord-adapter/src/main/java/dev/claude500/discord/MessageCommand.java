package dev.claude500.discord;

import dev.claude500.chat.Actor;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.Reply;
import dev.claude500.commands.Answer;
import dev.claude500.commands.Commands;
import dev.claude500.commands.Invocation;
import dev.claude500.commands.PostedMessage;
import dev.claude500.triage.Disposition;
import dev.claude500.triage.TriageEngine;
import dev.claude500.triage.TriageResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.attribute.IThreadContainer;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message command "Triage with claude500" (a context-menu entry on any message): a triage of
 * that message, its text as the paste and its author as the person hit, in a thread started on
 * the message (or in the thread the message is in), opened by a post that names who asked and
 * whose message it is ({@link Commands#triageMessage}). Discord hands the message's content with
 * the interaction, so the bot needs no message-content intent.
 *
 * <p>Deferred at once, privately; the thread, the engine and the posts come after, on the work
 * executor. Whoever clicked hears privately where the triage runs, or why none started: the bot's
 * own message, a message without text, a channel without threads, a thread that already holds a
 * triage. Never a second triage in one thread: the engine starts one per thread.
 */
final class MessageCommand {
  /** The command's name, as Discord shows it in a message's Apps menu. */
  static final String NAME = "Triage with claude500";

  private static final Logger LOG = LoggerFactory.getLogger(MessageCommand.class);

  private final Commands commands;
  private final TriageEngine engine;
  private final Worker work;
  private final ThreadPosts posts;
  private final DiscordMessages messages;

  MessageCommand(Commands commands, TriageEngine engine, Worker work, ThreadPosts posts, DiscordMessages messages) {
    this.commands = Objects.requireNonNull(commands, "commands");
    this.engine = Objects.requireNonNull(engine, "engine");
    this.work = Objects.requireNonNull(work, "work");
    this.posts = Objects.requireNonNull(posts, "posts");
    this.messages = Objects.requireNonNull(messages, "messages");
  }

  /** Returns the command's definition: on messages in servers, for anyone who can use commands there. */
  static CommandData data() {
    return net.dv8tion.jda.api.interactions.commands.build.Commands.message(NAME)
        .setContexts(InteractionContextType.GUILD)
        .setIntegrationTypes(IntegrationType.GUILD_INSTALL);
  }

  /** Acknowledges a use of the command at once (privately) and starts its triage after. */
  void handle(MessageContextInteractionEvent event) {
    MessageChannelUnion channel = event.getChannel();
    boolean inThread = channel != null && channel.getType().isThread();
    if (!inThread && (channel == null || !Interactions.holdsThreads(channel.getType()))) {
      tell(event, "A triage runs in a thread: use *" + NAME + "* on a message in a text channel, "
          + "or type `/claude500 triage` and paste the error.");
      return;
    }
    Message target = event.getTarget();
    Invocation invocation = new Invocation(DiscordAdapter.SURFACE,
        new ChannelRef(DiscordAdapter.PLATFORM, channel.getId()), Interactions.actor(event));
    PostedMessage posted = posted(target, event.getJDA().getSelfUser().getId());
    Answer answer = commands.triageMessage(invocation, posted);
    if (!(answer instanceof Answer.StartTriage start)) {
      event.reply(messages.render(((Answer.Say) answer).reply()).get(0)).setEphemeral(true)
          .queue(null, e -> LOG.warn("could not answer {}: {}", NAME, e.toString()));
      return;
    }
    event.deferReply(true).queue(
        hook -> work.run(hook, "triage message " + target.getId() + " in " + channel.getId(),
            () -> start(hook, inThread ? Optional.of(channel.asThreadChannel()) : Optional.empty(),
                inThread ? null : channel.asThreadContainer(), target, invocation, posted, start)),
        e -> LOG.warn("could not acknowledge {}: {}", NAME, e.toString()));
  }

  /** Returns the message as the core reads it: its text, its author, whether the bot posted it. */
  static PostedMessage posted(Message target, String selfId) {
    Member member = target.getMember();
    String name = member != null ? member.getEffectiveName() : target.getAuthor().getEffectiveName();
    Actor author = new Actor(target.getAuthor().getId(), name);
    return new PostedMessage(target.getContentRaw(), author, target.getAuthor().getId().equals(selfId));
  }

  private void start(InteractionHook hook, Optional<ThreadChannel> inThread, IThreadContainer parent, Message target,
      Invocation invocation, PostedMessage posted, Answer.StartTriage start) {
    String name = Limits.cut(start.playbook().title() + " triage · " + posted.author().displayName(), Limits.THREAD_NAME);
    Optional<ThreadChannel> found = inThread.isPresent() ? inThread : threadOn(parent, target, name);
    if (found.isEmpty()) {
      say(hook, "That message already has a thread, <#" + target.getId() + ">: type `/claude500 triage` there "
          + "and paste the error.");
      return;
    }
    ThreadChannel thread = found.get();
    ConversationKey key = new ConversationKey(DiscordAdapter.PLATFORM, thread.getParentChannel().getId(), thread.getId());
    TriageResult result = engine.start(key, invocation.actor(), start.pasted(), start.playbook().id(),
        posted.author());
    if (result.disposition() != Disposition.APPLIED) {
      say(hook, "<#" + thread.getId() + "> already has a triage: answer it there.");
      return;
    }
    List<Reply> shown = new ArrayList<>();
    shown.add(openingNow(invocation, posted, start));
    shown.addAll(result.replies());
    posts.post(key, shown);
    say(hook, "Triage started in <#" + thread.getId() + ">.");
  }

  /**
   * Returns the thread started on {@code target}: the one it already has, or a new one; empty when
   * Discord says it has one that this process cannot reach.
   */
  private static Optional<ThreadChannel> threadOn(IThreadContainer parent, Message target, String name) {
    ThreadChannel started = target.getStartedThread();
    if (started != null) {
      return Optional.of(started);
    }
    try {
      return Optional.of(parent.createThreadChannel(name, target.getId()).complete());
    } catch (ErrorResponseException e) {
      if (e.getErrorResponse() != ErrorResponse.THREAD_WITH_THIS_MESSAGE_ALREADY_EXISTS) {
        throw e;
      }
      // someone started one meanwhile: Discord gives a message's thread the message's id
      return Optional.ofNullable(target.getJDA().getThreadChannelById(target.getId()));
    }
  }

  /** The opening as the page is now: the engine has read it by the time the triage started. */
  private Reply.Opening openingNow(Invocation invocation, PostedMessage posted, Answer.StartTriage start) {
    return commands.openingOnceRead(start, invocation, posted).orElse(start.opening());
  }

  private static void say(InteractionHook hook, String markdown) {
    hook.sendMessage(DiscordMessages.single(markdown)).setEphemeral(true).complete();
  }

  private static void tell(MessageContextInteractionEvent event, String markdown) {
    event.reply(DiscordMessages.single(markdown)).setEphemeral(true)
        .queue(null, e -> LOG.warn("could not answer {}: {}", NAME, e.toString()));
  }
}
