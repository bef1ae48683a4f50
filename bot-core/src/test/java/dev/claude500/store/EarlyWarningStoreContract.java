package dev.claude500.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ConversationKey;
import dev.claude500.earlywarning.EarlyWarningStore;
import dev.claude500.earlywarning.Signal;
import dev.claude500.earlywarning.Warning;
import dev.claude500.errors.ErrorKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EarlyWarningStore} does, whatever keeps its data. A subclass supplies an empty
 * store for each test, and a second handle on the same data (another replica) for the race.
 */
abstract class EarlyWarningStoreContract {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");
  static final String TEAM = "slack:T1";

  EarlyWarningStore store;

  /** Returns a store holding nothing, for one test. */
  abstract EarlyWarningStore emptyStore();

  /** Returns another handle on the data of the last {@link #emptyStore()}, as a second replica has. */
  abstract EarlyWarningStore sameData();

  @BeforeEach
  void openEmptyStore() {
    store = emptyStore();
  }

  static Signal signal(String thread, String workspace, ErrorKind kind, boolean samePathFails, Instant at) {
    return new Signal(new ConversationKey("slack", "C1", thread), workspace, Optional.ofNullable(kind),
        Optional.empty(), samePathFails, at, at);
  }

  static Warning warning(String id, String workspace, Instant at) {
    return new Warning(id, workspace, at, at, 3, Optional.empty());
  }

  @Test
  @DisplayName("A triage recorded twice is one signal: kind, branch and failed check merged, first time kept")
  void recordMerges() {
    store.record(signal("1.1", TEAM, ErrorKind.INTERNAL, false, T0.plusNanos(789)));
    store.record(new Signal(new ConversationKey("slack", "C1", "1.1"), TEAM, Optional.empty(), Optional.of("route"),
        true, T0.plusSeconds(60), T0.plusSeconds(60).plusNanos(789)));

    List<Signal> all = store.signals(TEAM, T0.minusSeconds(1));
    assertThat(all).hasSize(1);
    Signal s = all.get(0);
    assertThat(s.kind()).contains(ErrorKind.INTERNAL);
    assertThat(s.branch()).contains("route");
    assertThat(s.samePathFails()).isTrue();
    assertThat(s.firstAt()).as("kept to the microsecond").isEqualTo(T0);
    assertThat(s.lastAt()).isEqualTo(T0.plusSeconds(60));
  }

  @Test
  @DisplayName("Signals are read by workspace and by last time, first seen first")
  void signalsByWorkspaceAndTime() {
    store.record(signal("3", TEAM, ErrorKind.INTERNAL, false, T0.plusSeconds(30)));
    store.record(signal("1", TEAM, ErrorKind.INTERNAL, false, T0.minusSeconds(600)));
    store.record(signal("2", TEAM, ErrorKind.INTERNAL, false, T0));
    store.record(new Signal(new ConversationKey("discord", "9", "9"), "discord:G1", Optional.empty(),
        Optional.empty(), true, T0, T0));

    assertThat(store.signals(TEAM, T0.minusSeconds(60))).extracting(s -> s.key().thread()).containsExactly("2", "3");
    assertThat(store.signals("discord:G1", T0)).hasSize(1);
    assertThat(store.signals("slack:T2", T0.minusSeconds(9999))).isEmpty();
  }

  @Test
  @DisplayName("A workspace has one open warning: a second is refused until the first is closed, once")
  void oneOpenWarningAWorkspace() {
    assertThat(store.open(warning("w1", TEAM, T0))).isTrue();
    assertThat(store.open(warning("w2", TEAM, T0))).isFalse();
    assertThat(store.open(warning("w3", "slack:T2", T0))).isTrue();
    assertThat(store.openIn(TEAM)).map(Warning::id).contains("w1");

    Warning.Closing closing = new Warning.Closing(T0.plusSeconds(90), Optional.of("inc1"), Optional.of("Errors"),
        Optional.of("https://status.claude.com/incidents/inc1"));
    assertThat(store.close("w1", closing)).isTrue();
    assertThat(store.close("w1", Warning.Closing.quiet(T0.plusSeconds(99)))).isFalse();
    assertThat(store.close("nope", closing)).isFalse();

    assertThat(store.openIn(TEAM)).isEmpty();
    Warning closed = store.active(T0).stream().filter(w -> w.id().equals("w1")).findFirst().orElseThrow();
    assertThat(closed.closing()).contains(closing);
    assertThat(store.open(warning("w4", TEAM, T0.plusSeconds(100)))).isTrue();
    assertThat(store.active(T0.plusSeconds(91))).extracting(Warning::id).containsExactly("w3", "w4");
  }

  @Test
  @DisplayName("Only an open warning can be opened")
  void openRejectsClosed() {
    Warning closed = new Warning("w1", TEAM, T0, T0, 3, Optional.of(Warning.Closing.quiet(T0)));
    assertThatThrownBy(() -> store.open(closed)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("Two replicas opening a workspace's warning at once: one of them opens it")
  void replicasOpenOnce() throws Exception {
    EarlyWarningStore other = sameData();
    List<Boolean> opened = StoreContract.race(2, i -> () -> (i == 0 ? store : other)
        .open(warning("w" + i, TEAM, T0)));
    assertThat(opened).containsExactlyInAnyOrder(true, false);
    assertThat(other.openIn(TEAM)).isPresent();
  }

  @Test
  @DisplayName("A warning's message in a channel is claimed once, by one of two replicas racing")
  void itemsClaimedOnce() throws Exception {
    EarlyWarningStore other = sameData();
    ChannelRef ops = new ChannelRef("slack", "C1");
    List<Boolean> claimed = StoreContract.race(2, i -> () -> (i == 0 ? store : other)
        .claimItem("w1", ops, "early-warning/w1", T0));
    assertThat(claimed).containsExactlyInAnyOrder(true, false);
    assertThat(store.claimItem("w1", new ChannelRef("slack", "C2"), "early-warning/w1", T0)).isTrue();
    assertThat(store.claimItem("w1", ops, "early-warning/w1/closed", T0)).isTrue();
    assertThat(other.claimItem("w1", ops, "early-warning/w1/closed", T0)).isFalse();
  }

  @Test
  @DisplayName("Purging deletes old signals and closed warnings, never an open one")
  void purges() {
    store.record(signal("old", TEAM, ErrorKind.INTERNAL, false, T0.minus(Duration.ofDays(3))));
    store.record(signal("new", TEAM, ErrorKind.INTERNAL, false, T0));
    store.open(warning("open", TEAM, T0.minus(Duration.ofDays(3))));
    store.open(warning("closed", "slack:T2", T0.minus(Duration.ofDays(3))));
    store.close("closed", Warning.Closing.quiet(T0.minus(Duration.ofDays(3))));

    store.claimItem("closed", new ChannelRef("slack", "C1"), "early-warning/closed", T0.minus(Duration.ofDays(3)));

    assertThat(store.purgeBefore(T0.minus(Duration.ofDays(1)), 10)).isEqualTo(2);

    assertThat(store.claimItem("again", new ChannelRef("slack", "C1"), "early-warning/closed", T0))
        .as("the closed warning's messages went with it").isTrue();

    assertThat(store.signals(TEAM, Instant.EPOCH)).extracting(s -> s.key().thread()).containsExactly("new");
    assertThat(store.active(Instant.EPOCH)).extracting(Warning::id).containsExactly("open");
  }
}
