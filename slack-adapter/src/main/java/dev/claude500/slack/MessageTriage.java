package dev.claude500.slack;

import com.slack.api.model.Message;
import dev.claude500.adapters.AdapterServices;
import dev.claude500.chat.Actor;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.Reply;
import dev.claude500.commands.Answer;
import dev.claude500.commands.Apology;
import dev.claude500.commands.Invocation;
import dev.claude500.commands.PostedMessage;
import dev.claude500.triage.Disposition;
import dev.claude500.triage.TriageResult;
import dev.claude500.triage.TriageView;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a triage of a message already posted, in that message's thread: the one path behind the
 * "Triage with claude500" shortcut and the button of an offer under a pasted error. The core
 * answers ({@link dev.claude500.commands.Commands#triageMessage}); a triage's opening is posted as
 * the thread's first reply (in the thread the message is in, when it is itself a reply: Slack's
 * threads do not nest) and the engine starts on that thread, the message's author kept as the
 * person hit. A thread that already has a triage gets none: the person who asked is told so. What
 * the person who asked is told goes through the {@code tell} they give (their {@code response_url}).
 * Call on the worker, never on an acknowledgement's path. Thread-safe.
 */
final class MessageTriage {
  private static final Logger LOG = LoggerFactory.getLogger(MessageTriage.class);

  private final AdapterServices services;
  private final WebApi web;
  private final TaggedPosts tagged;
  private final ThreadPosts threads;
  private final UserNames names;
  private final BotIdentity bot;

  MessageTriage(AdapterServices services, WebApi web, ThreadPosts threads, UserNames names, BotIdentity bot) {
    this.services = Objects.requireNonNull(services, "services");
    this.web = Objects.requireNonNull(web, "web");
    this.tagged = new TaggedPosts(web);
    this.threads = Objects.requireNonNull(threads, "threads");
    this.names = Objects.requireNonNull(names, "names");
    this.bot = Objects.requireNonNull(bot, "bot");
  }

  /**
   * The bot's identity as {@code auth.test} gave it, to tell its own messages.
   *
   * @param userId the bot user's id
   * @param botId the bot's id ({@code B...}), or empty when Slack did not say
   * @param name the bot user's name, for the invite hint
   */
  record BotIdentity(String userId, String botId, String name) {
    BotIdentity {
      userId = userId == null ? "" : userId;
      botId = botId == null ? "" : botId;
      name = name == null || name.isBlank() ? "claude500" : name;
    }
  }

  /**
   * Triages {@code message}, posted in {@code channelId}, for {@code asker}.
   *
   * @param delivery names this request (its {@code trigger_id}): the opening is tagged with it
   * @param tell shows a message to the person who asked, only to them
   * @return true when a triage started
   */
  boolean start(String channelId, Message message, Actor asker, String delivery, Consumer<SlackMessage> tell) {
    Invocation invocation = new Invocation(SlackAdapter.SURFACE, new ChannelRef(SlackAdapter.PLATFORM, channelId), asker);
    PostedMessage posted = posted(message);
    Answer answer = services.commands().triageMessage(invocation, posted);
    if (answer instanceof Answer.Say say) {
      tell.accept(SlackMessages.render(say.reply()));
      return false;
    }
    Answer.StartTriage start = (Answer.StartTriage) answer;
    String threadTs = message.getThreadTs() != null ? message.getThreadTs() : message.getTs();
    ConversationKey key = new ConversationKey(SlackAdapter.PLATFORM, channelId, threadTs);
    Actor hit = posted.author();
    AtomicReference<String> opened = new AtomicReference<>();
    threads.serially(key, () -> {
      Optional<TriageView> existing = services.engine().find(key);
      if (existing.isPresent()) {
        tell.accept(already(existing.get().open()));
        return;
      }
      Optional<String> ts = postOpening(key, start.opening(), delivery, tell);
      if (ts.isEmpty()) {
        return;
      }
      TriageResult result;
      try {
        result = services.engine().start(key, asker, start.pasted(), start.playbook().id(), hit);
      } catch (RuntimeException e) {
        edit(key, ts.get(), withdrawn(asker, start.playbook().title(), e));
        throw e;
      }
      if (result.disposition() == Disposition.STALE) {
        edit(key, ts.get(), already(true)); // another replica started one in this thread meanwhile
        tell.accept(already(true));
        return;
      }
      opened.set(ts.get());
      threads.post(key, result.replies());
    });
    String ts = opened.get();
    if (ts == null) {
      return false;
    }
    services.commands().openingOnceRead(start, invocation, posted).ifPresent(o -> edit(key, ts, SlackMessages.render(o)));
    return true;
  }

  /** Returns the message as the core reads it: its text, its author (a person, or another bot), whether it is the bot's. */
  PostedMessage posted(Message m) {
    boolean ours = bot.userId().equals(m.getUser()) || (!bot.botId().isEmpty() && bot.botId().equals(m.getBotId()));
    Actor author = m.getUser() != null && ChannelRef.isValidId(m.getUser()) ? names.actor(m.getUser(), null)
        : new Actor("bot:" + Objects.requireNonNullElse(m.getBotId(), "unknown"),
            m.getUsername() != null ? m.getUsername() : "a bot");
    return new PostedMessage(SlackText.plain(m.getText()), author, ours);
  }

  private Optional<String> postOpening(ConversationKey key, Reply.Opening opening, String delivery,
      Consumer<SlackMessage> tell) {
    try {
      return Optional.ofNullable(tagged.post(key.channel(), key.thread(), false, SlackMessages.render(opening),
          new PostTag("triage-root/" + delivery, Optional.empty())));
    } catch (SlackCallException e) {
      LOG.warn("triage of a message not started in {}: {}", key.channel(), e.getMessage());
      tell.accept(e.isNotInChannel()
          ? SlackMessages.notice("I can't post in this channel yet: invite me with `/invite @"
              + SlackMarkdown.escape(bot.name()) + "`, then try again.", "Invite me with /invite @" + bot.name()
              + ", then try again.")
          : SlackMessages.notice("I could not start the triage: Slack answered `" + SlackMarkdown.escape(e.error())
              + "`.", "I could not start the triage: " + e.error()));
      return Optional.empty();
    }
  }

  private static SlackMessage already(boolean open) {
    return open
        ? SlackMessages.notice("A triage is already running in that message's thread: answer there.",
            "A triage is already running in that message's thread: answer there.")
        : SlackMessages.notice("That thread already had a triage. Type `/claude500` with the error line to start "
            + "another one in the channel.", "That thread already had a triage. Type /claude500 with the error line.");
  }

  private static SlackMessage withdrawn(Actor asker, String title, RuntimeException failure) {
    String why = Apology.textFor(failure).toPlainString();
    return SlackMessages.notice(SlackMessages.mention(asker.id()) + " tried to start a " + SlackMarkdown.escape(title)
        + " triage of a message here, but it did not start. " + SlackMarkdown.escape(why), "The triage did not start. " + why);
  }

  private void edit(ConversationKey key, String ts, SlackMessage message) {
    try {
      web.update(key.channel(), ts, message);
    } catch (SlackCallException e) {
      LOG.info("first message of a triage in {} not edited: {}", key, e.getMessage());
    }
  }
}
