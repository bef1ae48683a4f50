package dev.claude500.incidents;

import dev.claude500.metrics.BotMetrics;
import dev.claude500.outbox.Outgoing;
import dev.claude500.outbox.Owner;
import java.time.Duration;
import java.util.Optional;

/**
 * The watcher's hold on its posts in the outbox: they go out only while this replica holds the
 * lease (what a replica queued before it lost the lease waits, and the new holder queues and sends
 * it), and each try is counted on the metrics by result, each {@code Retry-After} as a rate-limit
 * wait. Thread-safe.
 */
final class LeaseHolderPosts implements Owner {
  private final ReplicaLease lease;
  private final BotMetrics metrics;

  LeaseHolderPosts(ReplicaLease lease, BotMetrics metrics) {
    this.lease = lease;
    this.metrics = metrics;
  }

  @Override
  public boolean owns(String itemKey) {
    return ItemKeys.isWatchers(itemKey);
  }

  @Override
  public boolean mayDeliver() {
    return lease.heldNow();
  }

  @Override
  public void tried(Outgoing message, String result, Optional<Duration> retryAfter) {
    String platform = message.channel().platform();
    metrics.incidentPost(platform, result);
    retryAfter.ifPresent(wait -> metrics.rateLimitWait(platform, wait));
  }
}
