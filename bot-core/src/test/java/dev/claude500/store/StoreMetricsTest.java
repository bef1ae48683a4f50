package dev.claude500.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.ChannelRef;
import dev.claude500.commands.Filters;
import dev.claude500.commands.Subscription;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.metrics.MeterNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StoreMetricsTest {
  @Test
  @DisplayName("Every store operation is timed by its kind, and the connection pool publishes its meters")
  void operationsAreTimed() {
    MeterRegistry registry = new SimpleMeterRegistry();
    try (JdbcStore store = JdbcStore.open("jdbc:h2:mem:store-metrics;DB_CLOSE_DELAY=-1", null, null,
        JdbcStore.DEFAULT_CONNECTION_WAIT, new BotMetrics(registry))) {
      long before = timed(registry, "read") + timed(registry, "write") + timed(registry, "transaction");
      ChannelRef channel = new ChannelRef("slack", "C1");
      Instant now = Instant.parse("2026-11-25T10:00:00Z");
      store.subscriptions().save(new Subscription(channel, Set.of(), "U1", now, Filters.DEFAULT));
      store.subscriptions().find(channel);
      store.ledger().claim(channel, "update/u1", "inc", now);

      assertThat(timed(registry, "transaction")).isPositive();
      assertThat(timed(registry, "read")).isPositive();
      assertThat(timed(registry, "write")).isPositive();
      assertThat(timed(registry, "read") + timed(registry, "write") + timed(registry, "transaction"))
          .isGreaterThanOrEqualTo(before + 3);
      assertThat(registry.find("hikaricp.connections").gauges()).isNotEmpty();
    }
  }

  private static long timed(MeterRegistry registry, String op) {
    return registry.get(MeterNames.STORE_LATENCY).tag("op", op).timer().count();
  }
}
