package dev.claude500.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.File;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import dev.claude500.adapters.AdapterServices;
import dev.claude500.chat.Actor;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.Reply;
import dev.claude500.commands.Apology;
import dev.claude500.triage.Disposition;
import dev.claude500.triage.TriageResult;
import dev.claude500.triage.TriageView;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A person's reply in a thread ({@code message} events, also when "send to channel" was ticked, and
 * when Slack turned a long paste into a text snippet shared with the reply): acknowledged at once;
 * on the worker, when the thread holds an open triage, the text (the reply's own, then its
 * snippets' through {@link Snippets}) goes to the engine and its replies are posted when it
 * applied the text. A short reply it could not place gets a hint with the choices that only its
 * author sees; longer talk that answers nothing gets no nagging. The question it answered loses
 * its buttons. Slack's retries of the same event ({@code event_id}) are applied once. Messages from
 * bots, edits, deletions and top-level messages are ignored on the spot. When a reply cannot be
 * read (the store unreachable for a moment) and its thread hangs from one of the bot's messages,
 * the person is told, in a message only they see, to send it again.
 */
final class ThreadReplyListener {
  private static final Logger LOG = LoggerFactory.getLogger(ThreadReplyListener.class);
  /** Replies of up to this many words that answer nothing get a hint; longer ones are taken as talk. */
  private static final int MAX_ANSWER_WORDS = 12;

  private final AdapterServices services;
  private final Worker worker;
  private final ThreadPosts threads;
  private final UserNames names;
  private final Snippets snippets;
  private final WebApi web;
  private final String botUserId;

  ThreadReplyListener(AdapterServices services, Worker worker, WebApi web, ThreadPosts threads, UserNames names,
      Snippets snippets, String botUserId) {
    this.services = Objects.requireNonNull(services, "services");
    this.worker = Objects.requireNonNull(worker, "worker");
    this.web = Objects.requireNonNull(web, "web");
    this.threads = Objects.requireNonNull(threads, "threads");
    this.names = Objects.requireNonNull(names, "names");
    this.snippets = Objects.requireNonNull(snippets, "snippets");
    this.botUserId = botUserId == null ? "" : botUserId;
  }

  /** Handles a plain {@code message} event. */
  Response onMessage(EventsApiPayload<MessageEvent> payload, EventContext context) {
    MessageEvent e = payload.getEvent();
    if (e != null && e.getSubtype() == null && e.getBotId() == null) {
      take(new ThreadMessage(payload.getEventId(), e.getChannel(), e.getUser(), e.getText(), e.getTs(), e.getThreadTs(),
          e.getParentUserId(), files(e.getFiles())));
    }
    return context.ack();
  }

  /** Handles a thread reply also sent to the channel. */
  Response onBroadcast(EventsApiPayload<MessageThreadBroadcastEvent> payload, EventContext context) {
    MessageThreadBroadcastEvent e = payload.getEvent();
    if (e != null) {
      String parent = e.getRoot() == null ? null : e.getRoot().getUser();
      take(new ThreadMessage(payload.getEventId(), e.getChannel(), e.getUser(), e.getText(), e.getTs(), e.getThreadTs(),
          parent, List.of()));
    }
    return context.ack();
  }

  /** Handles a reply that shares files ({@code message} with subtype {@code file_share}), e.g. a snippet. */
  Response onFileShare(EventsApiPayload<MessageFileShareEvent> payload, EventContext context) {
    MessageFileShareEvent e = payload.getEvent();
    if (e != null && !Boolean.TRUE.equals(e.getDisplayAsBot())) {
      take(new ThreadMessage(payload.getEventId(), e.getChannel(), e.getUser(), e.getText(), e.getTs(), e.getThreadTs(),
          e.getParentUserId(), files(e.getFiles())));
    }
    return context.ack();
  }

  private static List<File> files(List<File> files) {
    return files == null ? List.of() : files.stream().filter(Snippets::isReadable).toList();
  }

  private void take(ThreadMessage m) {
    if (!ChannelRef.isValidId(m.channel()) || !ChannelRef.isValidId(m.user()) || m.user().equals(botUserId)
        || (m.text() == null && m.files().isEmpty())
        || m.ts() == null || !ChannelRef.isValidId(m.threadTs()) || m.threadTs().equals(m.ts())) {
      return;
    }
    worker.offer("thread reply from " + m.user(), () -> run(m), failure -> apologise(m, failure));
  }

  /** Tells the person their reply was not read, when its thread is one of the bot's (a triage's, most likely). */
  private void apologise(ThreadMessage m, RuntimeException failure) {
    if (botUserId.equals(m.parentUser())) {
      web.postEphemeral(m.channel(), m.user(), m.threadTs(), SlackMessages.render(Apology.forFailure(failure)));
    }
  }

  private void run(ThreadMessage m) {
    ConversationKey key = new ConversationKey(SlackAdapter.PLATFORM, m.channel(), m.threadTs());
    Optional<TriageView> triage = services.engine().find(key);
    if (triage.isEmpty() || !triage.get().open()) {
      return;
    }
    String delivery = "slack:event:" + (m.eventId() != null ? m.eventId() : m.channel() + ":" + m.ts());
    if (!services.store().seenDeliveries().firstSeen(delivery, services.clock().instant())) {
      LOG.info("repeated delivery {} dropped", delivery);
      return;
    }
    Actor actor = names.actor(m.user(), null);
    String text = join(SlackText.plain(m.text()), snippets.textOf(m.files()));
    if (text.isBlank()) {
      return;
    }
    threads.serially(key, () -> {
      Optional<String> asked = services.engine().find(key).flatMap(TriageView::pendingToken);
      TriageResult result = services.engine().reply(key, actor, text);
      if (result.disposition() == Disposition.APPLIED) {
        asked.ifPresent(token -> threads.answeredInThread(key, token, m.user()));
        threads.post(key, result.replies());
      } else if (result.disposition() == Disposition.NOT_UNDERSTOOD && looksLikeAnAnswer(text)) {
        hint(m, result);
      }
    });
  }

  /** A short reply was meant for the bot; a long one may be talk between people in the thread. */
  private static boolean looksLikeAnAnswer(String text) {
    return text.strip().split("\\s+").length <= MAX_ANSWER_WORDS;
  }

  /** Tells only the person who replied that the bot could not place it, with the choices. */
  private void hint(ThreadMessage m, TriageResult result) {
    for (Reply hint : result.replies()) {
      web.postEphemeral(m.channel(), m.user(), m.threadTs(), SlackMessages.render(hint));
    }
  }

  private static String join(String typed, String pasted) {
    if (pasted.isEmpty()) {
      return typed;
    }
    return typed.isBlank() ? pasted : typed.strip() + "\n" + pasted;
  }

  private record ThreadMessage(String eventId, String channel, String user, String text, String ts, String threadTs,
      String parentUser, List<File> files) {}
}
