package dev.claude500.store;

import dev.claude500.chat.SeenDeliveries;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Delivery ids in a concurrent map; the first {@code putIfAbsent} wins. */
final class InMemorySeenDeliveries implements SeenDeliveries {
  private final ConcurrentMap<String, Instant> seenAt = new ConcurrentHashMap<>();

  @Override
  public boolean firstSeen(String deliveryId, Instant now) {
    Checks.requireNonBlank(deliveryId, "deliveryId");
    Instant at = Micros.truncate(Objects.requireNonNull(now, "now"));
    return seenAt.putIfAbsent(deliveryId, at) == null;
  }

  @Override
  public int purgeBefore(Instant cutoff, int limit) {
    Instant before = Micros.truncate(Objects.requireNonNull(cutoff, "cutoff"));
    Checks.requireLimit(limit);
    List<Map.Entry<String, Instant>> batch = seenAt.entrySet().stream()
        .filter(e -> e.getValue().isBefore(before))
        .sorted(Map.Entry.comparingByValue())
        .limit(limit)
        .toList();
    int purged = 0;
    for (Map.Entry<String, Instant> e : batch) {
      if (seenAt.remove(e.getKey(), e.getValue())) {
        purged++;
      }
    }
    return purged;
  }
}
