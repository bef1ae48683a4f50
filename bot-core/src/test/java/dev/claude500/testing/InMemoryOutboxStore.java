package dev.claude500.testing;

import dev.claude500.chat.ChannelRef;
import dev.claude500.outbox.OutboxStore;
import dev.claude500.outbox.Queued;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An outbox store in memory, for tests: it keeps what a JDBC one would, and can be shared by two
 * outboxes as one database is by a process and the one that follows it. Thread-safe.
 */
public final class InMemoryOutboxStore implements OutboxStore {
  private final Map<String, Queued> byKey = new LinkedHashMap<>();

  @Override
  public synchronized void add(List<Queued> messages) {
    for (Queued q : messages) {
      byKey.putIfAbsent(key(q.message().channel(), q.message().itemKey()), Objects.requireNonNull(q, "message"));
    }
  }

  @Override
  public synchronized List<Queued> pending() {
    List<Queued> all = new ArrayList<>(byKey.values());
    all.sort(Comparator.comparingLong(Queued::seq));
    return all;
  }

  @Override
  public synchronized void remove(ChannelRef channel, String itemKey) {
    byKey.remove(key(channel, itemKey));
  }

  private static String key(ChannelRef channel, String itemKey) {
    return channel + " " + itemKey;
  }
}
