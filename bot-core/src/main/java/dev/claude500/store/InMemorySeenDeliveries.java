package dev.claude500.store;

import java.time.Instant;
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
  public int purgeBefore(Instant cutoff) {
    Instant before = Micros.truncate(Objects.requireNonNull(cutoff, "cutoff"));
    int purged = 0;
    for (Map.Entry<String, Instant> e : seenAt.entrySet()) {
      if (e.getValue().isBefore(before) && seenAt.remove(e.getKey(), e.getValue())) {
        purged++;
      }
    }
    return purged;
  }
}
