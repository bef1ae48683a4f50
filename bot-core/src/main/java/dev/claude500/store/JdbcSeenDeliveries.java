package dev.claude500.store;

import dev.claude500.chat.SeenDeliveries;
import java.time.Instant;
import java.util.Objects;

/** Delivery ids in table {@code seen_delivery}; the primary key lets the first insert win. */
final class JdbcSeenDeliveries implements SeenDeliveries {
  private final Jdbc jdbc;

  JdbcSeenDeliveries(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean firstSeen(String deliveryId, Instant now) {
    Checks.requireNonBlank(deliveryId, "deliveryId");
    Objects.requireNonNull(now, "now");
    return jdbc.insertIfAbsent(
        "recording delivery " + deliveryId,
        "INSERT INTO seen_delivery (delivery_id, seen_at) VALUES (?, ?)",
        deliveryId,
        now);
  }

  @Override
  public int purgeBefore(Instant cutoff, int limit) {
    Objects.requireNonNull(cutoff, "cutoff");
    Checks.requireLimit(limit);
    if (limit == 0) {
      return 0;
    }
    return jdbc.deleteSelected(
        "purging seen deliveries",
        "SELECT delivery_id FROM seen_delivery WHERE seen_at < ? ORDER BY seen_at FETCH FIRST ? ROWS ONLY",
        new Object[] {cutoff, limit},
        1,
        "DELETE FROM seen_delivery WHERE delivery_id = ? AND seen_at < ?",
        cutoff);
  }
}
