package dev.claude500.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.Actor;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ConversationKey;
import dev.claude500.stats.StatsWindow;
import dev.claude500.stats.TeamStats;
import dev.claude500.store.InMemoryStore;
import dev.claude500.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A triage's record stays with its server while the server cannot be looked up")
class TriageLogTest {
  private static final Instant NOW = Instant.parse("2026-03-31T12:00:00Z");
  private static final ChannelRef IN_A = new ChannelRef("discord", "100");
  private static final ChannelRef IN_B = new ChannelRef("discord", "200");

  private final InMemoryStore store = new InMemoryStore();
  private final AtomicBoolean reconnecting = new AtomicBoolean();
  /** Server A holds channel 100 and server B channel 200; during a reconnect neither can be told. */
  private final Function<ChannelRef, String> servers = channel -> {
    if (reconnecting.get()) {
      throw new IllegalStateException("Discord is reconnecting");
    }
    return channel.equals(IN_A) ? "GUILD_A" : "GUILD_B";
  };
  private final TriageLog log = new TriageLog(store.triageRecords(), servers);
  private final TeamStats stats = new TeamStats(store.triageRecords(), List::of, servers, new MutableClock(NOW));
  private final ConversationKey key = new ConversationKey("discord", "100", "900");

  private ConversationState started() {
    ConversationState s = new ConversationState();
    s.startedAt = NOW.minusSeconds(3600);
    s.startedBy = new Actor("alice", "alice");
    return s;
  }

  private int triagesOf(ChannelRef channel) {
    return stats.report(channel, StatsWindow.DAYS_30).orElseThrow().triages();
  }

  @Test
  @DisplayName("A save during a reconnect keeps server A's triage in A, and a stats request then shows no numbers")
  void reconnectKeepsTheServer() {
    ConversationState s = started();
    log.record(key, s, 0);
    assertThat(triagesOf(IN_A)).isEqualTo(1);

    reconnecting.set(true);
    s.open = false;
    s.outcome = TriageOutcome.ABANDONED;
    log.record(key, s, 1);
    assertThat(stats.report(IN_B, StatsWindow.DAYS_30)).as("no pooled numbers for B").isEmpty();
    assertThat(stats.report("discord", StatsWindow.DAYS_30).triages()).isZero();

    reconnecting.set(false);
    assertThat(triagesOf(IN_A)).isEqualTo(1);
    assertThat(stats.report("GUILD_A", StatsWindow.DAYS_30).byOutcome()).containsKey("abandoned");
    assertThat(triagesOf(IN_B)).isZero();
  }

  @Test
  @DisplayName("A triage started during a reconnect counts nowhere until a later save names its server")
  void startedDuringAReconnect() {
    reconnecting.set(true);
    ConversationState s = started();
    log.record(key, s, 0);
    reconnecting.set(false);
    assertThat(triagesOf(IN_A)).isZero();
    assertThat(triagesOf(IN_B)).isZero();

    s.branch = "live incident";
    log.record(key, s, 1);
    assertThat(triagesOf(IN_A)).isEqualTo(1);
    assertThat(triagesOf(IN_B)).isZero();
  }
}
