package dev.claude500.slack;

import com.slack.api.model.Message;
import dev.claude500.chat.Reply;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What the bot attaches to each of its posts as Slack message metadata, unseen by people: the
 * post's item key (the ledger's key for incident posts, a fresh one for other posts) and, for a
 * question or text request, the token it asks with. With it the bot finds its own posts again in
 * a channel's history or a thread: a post whose answer was lost, an incident post made just before
 * a crash, the question a reply in the thread answered.
 *
 * <p>Slack keeps it as {@code {event_type: "claude500_post", event_payload: {item_key, prompt}}};
 * {@code conversations.history} and {@code conversations.replies} return it when asked with
 * {@code include_all_metadata}, under the history scopes the bot already has.
 *
 * @param itemKey the key the post is found by
 * @param prompt the token of the question or text request the post asks, if it asks one
 */
record PostTag(String itemKey, Optional<String> prompt) {
  /** The metadata's event type. */
  static final String EVENT_TYPE = "claude500_post";
  /** The payload field holding the item key. */
  static final String ITEM_KEY = "item_key";
  /** The payload field holding the prompt's token. */
  static final String PROMPT = "prompt";

  /** Validates. */
  PostTag {
    if (itemKey == null || itemKey.isBlank()) {
      throw new IllegalArgumentException("itemKey must not be blank");
    }
    Objects.requireNonNull(prompt, "prompt");
  }

  /** Returns the tag of a post of {@code reply} under a given item key. */
  static PostTag of(String itemKey, Reply reply) {
    return new PostTag(itemKey, promptToken(reply));
  }

  /** Returns the tag of a post of {@code reply} under a new item key of its own, e.g. {@code triage/3f0c...}. */
  static PostTag fresh(String kind, Reply reply) {
    return new PostTag(freshKey(kind), promptToken(reply));
  }

  /** Returns a tag under a new item key of its own, for a post that asks nothing. */
  static PostTag fresh(String kind) {
    return new PostTag(freshKey(kind), Optional.empty());
  }

  /** Returns a key no other post has: unique is all a lost answer's lookup needs. */
  private static String freshKey(String kind) {
    return kind + "/" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  /** Returns the token a reply asks with, when it is a question or a text request. */
  static Optional<String> promptToken(Reply reply) {
    if (reply instanceof Reply.Question q) {
      return Optional.of(q.token());
    }
    if (reply instanceof Reply.TextRequest t) {
      return Optional.of(t.token());
    }
    return Optional.empty();
  }

  /** Returns the metadata to post with the message. */
  Message.Metadata metadata() {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put(ITEM_KEY, itemKey);
    prompt.ifPresent(p -> payload.put(PROMPT, p));
    return new Message.Metadata(EVENT_TYPE, payload);
  }

  /** Returns true when a message read back from Slack carries this tag's item key. */
  boolean isOn(Message message) {
    return itemKey.equals(payloadField(message, ITEM_KEY).orElse(null));
  }

  /** Returns true when a message read back from Slack asks the prompt with this token. */
  static boolean asks(Message message, String token) {
    return token.equals(payloadField(message, PROMPT).orElse(null));
  }

  private static Optional<String> payloadField(Message message, String field) {
    Message.Metadata m = message == null ? null : message.getMetadata();
    if (m == null || !EVENT_TYPE.equals(m.getEventType()) || m.getEventPayload() == null) {
      return Optional.empty();
    }
    Object v = m.getEventPayload().get(field);
    return v instanceof String s ? Optional.of(s) : Optional.empty();
  }
}
