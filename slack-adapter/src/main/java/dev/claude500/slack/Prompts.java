package dev.claude500.slack;

import com.slack.api.model.block.LayoutBlock;
import dev.claude500.chat.ConversationKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The question (or text request) each triage thread waits on, as the bot posted it: its message
 * ts, its token and its blocks, so that once it is answered, by a click or by a reply in the
 * thread, its buttons can be taken away. Filled by every post of a prompt, the triage's own and the
 * chat port's (a resumed triage's question). Bounded, and lost on restart: then the prompt is found
 * again through its {@link PostTag}. Thread-safe.
 */
final class Prompts {
  private static final int MAX_REMEMBERED = 10_000;

  private final Map<ConversationKey, Prompt> byThread = new LinkedHashMap<>(64, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<ConversationKey, Prompt> eldest) {
      return size() > MAX_REMEMBERED;
    }
  };

  /**
   * A posted prompt.
   *
   * @param ts its message
   * @param token the token it asks with
   * @param blocks its blocks as posted
   */
  record Prompt(String ts, String token, List<LayoutBlock> blocks) {
    Prompt {
      Objects.requireNonNull(ts, "ts");
      Objects.requireNonNull(token, "token");
      blocks = blocks == null ? List.of() : List.copyOf(blocks);
    }
  }

  /** Remembers the prompt a thread now waits on. */
  void remember(ConversationKey key, Prompt prompt) {
    synchronized (byThread) {
      byThread.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(prompt, "prompt"));
    }
  }

  /** Forgets and returns the thread's prompt when it is the message {@code ts}. */
  Optional<Prompt> takeMessage(ConversationKey key, String ts) {
    synchronized (byThread) {
      Prompt p = byThread.get(key);
      if (p != null && p.ts().equals(ts)) {
        byThread.remove(key);
        return Optional.of(p);
      }
      return Optional.empty();
    }
  }

  /** Forgets and returns the thread's prompt when it asks with {@code token}. */
  Optional<Prompt> takeToken(ConversationKey key, String token) {
    synchronized (byThread) {
      Prompt p = byThread.get(key);
      if (p != null && p.token().equals(token)) {
        byThread.remove(key);
        return Optional.of(p);
      }
      return Optional.empty();
    }
  }
}
