package dev.claude500.store;

import dev.claude500.incidents.Lease;
import dev.claude500.incidents.Leases;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Leases in a map; every operation holds the map's lock, so each is atomic. */
final class InMemoryLeases implements Leases {
  private final Map<String, Lease> leases = new HashMap<>();

  @Override
  public synchronized boolean acquire(String name, String holder, Instant now, Duration duration) {
    Checks.requireNonBlank(name, "name");
    Checks.requireNonBlank(holder, "holder");
    Objects.requireNonNull(now, "now");
    Checks.requirePositive(duration, "duration");
    Lease current = leases.get(name);
    if (current != null && !current.holder().equals(holder) && current.isHeldAt(Micros.truncate(now))) {
      return false;
    }
    leases.put(name, new Lease(name, holder, Micros.truncate(now.plus(duration))));
    return true;
  }

  @Override
  public synchronized boolean release(String name, String holder) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(holder, "holder");
    Lease current = leases.get(name);
    if (current == null || !current.holder().equals(holder)) {
      return false;
    }
    leases.remove(name);
    return true;
  }

  @Override
  public synchronized Optional<Lease> find(String name) {
    Objects.requireNonNull(name, "name");
    return Optional.ofNullable(leases.get(name));
  }
}
