package dev.claude500.incidents;

import java.time.Instant;
import java.util.Objects;

/**
 * Who holds a named lease, and until when.
 *
 * @param name the lease, e.g. {@code incident-watcher}
 * @param holder the holder's id (a replica's)
 * @param expiresAt when it lapses unless the holder renews it
 */
public record Lease(String name, String holder, Instant expiresAt) {
  /** Validates every part. */
  public Lease {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** Returns true when the lease still runs at {@code now}. */
  public boolean isHeldAt(Instant now) {
    return expiresAt.isAfter(now);
  }
}
