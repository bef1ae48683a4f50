package dev.claude500.outbox;

import dev.claude500.chat.ChannelRef;
import java.util.List;

/**
 * Where the {@link Outbox} keeps messages from the moment they are queued until they are delivered
 * or dropped, so that a restart (a crash included) sends what was still due. Failures surface as
 * the store's unchecked exception. Thread-safe.
 */
public interface OutboxStore {
  /**
   * Keeps messages, all or none. A message whose item key is already kept in its channel is left
   * as it is.
   */
  void add(List<Queued> messages);

  /** Returns every message kept, in the order they were queued (by {@link Queued#seq()}). */
  List<Queued> pending();

  /** Forgets a message (delivered or dropped); forgetting one not kept does nothing. */
  void remove(ChannelRef channel, String itemKey);
}
