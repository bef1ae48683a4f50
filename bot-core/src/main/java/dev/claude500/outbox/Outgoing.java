package dev.claude500.outbox;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.MessageRef;
import dev.claude500.chat.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One message for the {@link Outbox} to deliver, under an item key that is its identity in its
 * channel: it is delivered once per key and channel, however often it is queued or tried.
 */
public sealed interface Outgoing {
  /** The prefix of the item keys of triage replies, {@code triage/<conversation>/<batch>/<n>}. */
  String TRIAGE = "triage/";

  /** What the ledger entries of messages filed under nothing in particular are filed under. */
  String NO_SUBJECT = "outbox";

  /** Returns the key the message is delivered once under (in the post ledger, and tagged on the post). */
  String itemKey();

  /** Returns the channel the platform is asked to write in. */
  ChannelRef channel();

  /** Returns what to say. */
  Reply reply();

  /** Returns where the message keeps its order. */
  Lane lane();

  /** Returns what the message's ledger entry is filed under (an incident's id), {@code outbox} by default. */
  default String subject() {
    return NO_SUBJECT;
  }

  /**
   * Returns the item keys this message delivers too once it is in the chat (what a new top-level
   * post already shows): they are recorded in the ledger under its message id.
   */
  default List<String> settles() {
    return List.of();
  }

  /**
   * A top-level post filed under a subject that may deliver other items too.
   *
   * @param itemKey its key
   * @param channel the channel
   * @param reply what to post
   * @param subject what its ledger entries are filed under
   * @param settles the items it shows too (see {@link Outgoing#settles()})
   */
  record Top(String itemKey, ChannelRef channel, Reply reply, String subject, List<String> settles)
      implements Outgoing {
    /** Validates, and copies the list. */
    public Top {
      requireKey(itemKey);
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(reply, "reply");
      requireKey(subject);
      settles = List.copyOf(settles);
    }

    @Override
    public Lane lane() {
      return new Lane(channel, Optional.empty());
    }
  }

  /**
   * A reply in the thread of the top-level post made under {@code rootKey} in the same channel,
   * which may still be queued: its message id is read from the ledger when this one is sent. It
   * keeps its order in the channel's top-level lane, after its root.
   *
   * @param itemKey its key
   * @param channel the channel
   * @param rootKey the item key of the top-level post it hangs from
   * @param reply what to post
   * @param alsoToChannel also show it in the channel
   * @param subject what its ledger entry is filed under
   * @param settles the items it tells too (a digest of updates; see {@link Outgoing#settles()})
   */
  record UnderRoot(String itemKey, ChannelRef channel, String rootKey, Reply reply, boolean alsoToChannel,
      String subject, List<String> settles) implements Outgoing {
    /** Validates, and copies the list. */
    public UnderRoot {
      requireRooted(itemKey, channel, rootKey, reply, subject);
      settles = List.copyOf(settles);
    }

    @Override
    public Lane lane() {
      return new Lane(channel, Optional.empty());
    }
  }

  /**
   * A change of the top-level post made under {@code rootKey} in the same channel (which may still
   * be queued), in the channel's top-level lane after it; like {@link Edit}, never looked for.
   *
   * @param itemKey its key (one per change)
   * @param channel the channel
   * @param rootKey the item key of the post to change
   * @param reply the post's new content
   * @param subject what its ledger entry is filed under
   */
  record EditRoot(String itemKey, ChannelRef channel, String rootKey, Reply reply, String subject)
      implements Outgoing {
    /** Validates. */
    public EditRoot {
      requireRooted(itemKey, channel, rootKey, reply, subject);
    }

    @Override
    public Lane lane() {
      return new Lane(channel, Optional.empty());
    }
  }

  /**
   * A top-level post in a channel.
   *
   * @param itemKey its key
   * @param channel the channel
   * @param reply what to post
   */
  record Post(String itemKey, ChannelRef channel, Reply reply) implements Outgoing {
    /** Validates. */
    public Post {
      requireKey(itemKey);
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(reply, "reply");
    }

    @Override
    public Lane lane() {
      return new Lane(channel, Optional.empty());
    }
  }

  /**
   * A reply in the thread under a message.
   *
   * @param itemKey its key
   * @param channel the channel the thread is in
   * @param threadId the thread, as {@link dev.claude500.chat.ChatPort#postInThread} takes it
   * @param reply what to post
   * @param alsoToChannel also show it in the channel
   */
  record ThreadPost(String itemKey, ChannelRef channel, String threadId, Reply reply, boolean alsoToChannel)
      implements Outgoing {
    /** Validates. */
    public ThreadPost {
      requireKey(itemKey);
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(threadId, "threadId");
      Objects.requireNonNull(reply, "reply");
    }

    @Override
    public Lane lane() {
      return new Lane(channel, Optional.of(threadId));
    }
  }

  /**
   * A change of a message posted earlier; doing it twice does no harm, so it is never looked for.
   *
   * @param itemKey its key (one per change)
   * @param message the message to change
   * @param threadId the thread the message is in, if any: the change keeps its order there
   * @param reply the message's new content
   */
  record Edit(String itemKey, MessageRef message, Optional<String> threadId, Reply reply) implements Outgoing {
    /** Validates. */
    public Edit {
      requireKey(itemKey);
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(threadId, "threadId");
      Objects.requireNonNull(reply, "reply");
    }

    @Override
    public ChannelRef channel() {
      return message.channel();
    }

    @Override
    public Lane lane() {
      return new Lane(message.channel(), threadId);
    }
  }

  /**
   * Returns a triage's replies to one input as thread posts in its thread, in order, keyed
   * {@code triage/<conversation>/<batch>/<n>}: the batch is new for each call, so each input's
   * replies are messages of their own.
   */
  static List<Outgoing> triageReplies(ConversationKey key, List<Reply> replies) {
    Objects.requireNonNull(key, "key");
    String batch = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    List<Outgoing> out = new ArrayList<>(replies.size());
    for (int n = 0; n < replies.size(); n++) {
      out.add(new ThreadPost(TRIAGE + key + "/" + batch + "/" + n, key.channelRef(), key.thread(), replies.get(n),
          false));
    }
    return out;
  }

  /** Returns true for the item key of a triage reply (platforms may tag those more quietly). */
  static boolean isTriageKey(String itemKey) {
    return itemKey != null && itemKey.startsWith(TRIAGE);
  }

  private static void requireRooted(String itemKey, ChannelRef channel, String rootKey, Reply reply, String subject) {
    requireKey(itemKey);
    Objects.requireNonNull(channel, "channel");
    requireKey(rootKey);
    Objects.requireNonNull(reply, "reply");
    requireKey(subject);
  }

  private static void requireKey(String itemKey) {
    Objects.requireNonNull(itemKey, "itemKey");
    if (itemKey.isBlank()) {
      throw new IllegalArgumentException("itemKey must not be blank");
    }
  }
}
