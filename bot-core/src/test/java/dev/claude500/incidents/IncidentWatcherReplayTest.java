package dev.claude500.incidents;


import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatDeliveryException;
import dev.claude500.chat.MessageRef;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.status.Incident;
import dev.claude500.status.IncidentStatus;
import dev.claude500.status.IncidentUpdate;
import dev.claude500.status.PageRead;
import dev.claude500.status.StatusPage;
import dev.claude500.status.StatuspageClient;
import dev.claude500.store.InMemoryStore;
import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.RecordingChatPort;
import dev.claude500.testing.RecordingChatPort.Call;
import dev.claude500.testing.RecordingChatPort.Post;
import dev.claude500.testing.StatusPageHistory;
import dev.claude500.testing.StatusSources;
import dev.claude500.testing.Watchers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import static dev.claude500.incidents.Harness.AI_ONLY;
import static dev.claude500.incidents.Harness.ALL;
import static dev.claude500.incidents.Harness.CODE_ONLY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays a busy day of the real page (2026-07-21: six incidents, 27 updates, up to three open at
 * once, one of them not touching claude.ai) through a loopback status page and the real client, and
 * checks what three subscribed channels got, post by post.
 */
class IncidentWatcherReplayTest {
  static final Instant FROM = Instant.parse("2026-07-21T06:30:00Z");
  static final Instant TO = Instant.parse("2026-07-21T19:00:00Z");
  /** Long enough to keep the replay quick; short enough that no incident shows two updates at its first read. */
  static final Duration POLL = Duration.ofSeconds(120);
  static final Instant RESTART_AT = Instant.parse("2026-07-21T11:25:00Z");
  static final List<ChannelRef> CHANNELS = List.of(ALL, AI_ONLY, CODE_ONLY);

  static List<Incident> day;
  static Map<String, String> names;
  static List<Instant> changes;
  static Seen calm;

  /** What one replay left in the channels, with message ids replaced by incident ids. */
  record Seen(Map<ChannelRef, List<String>> posts, Map<ChannelRef, Map<String, List<String>>> edits) {}

  @BeforeAll
  static void readTheDay() {
    StatusPageHistory.PageState end = StatusPageHistory.anthropic().at(TO);
    day = end.incidents().incidents().stream()
        .filter(i -> i.createdAt().isAfter(FROM) && !i.closedAt().isAfter(TO))
        .toList();
    names = PageRead.of(List.of(), end.summary(), TO).componentNames();
    changes = day.stream().flatMap(i -> i.incidentUpdates().stream()).map(IncidentUpdate::shownAt)
        .sorted().distinct().toList();
    assertThat(day).hasSize(6);
    assertThat(changes).hasSize(27);
  }

  /** Returns the replay without restarts or refusals, made once for the class. */
  static Seen calm() throws Exception {
    if (calm == null) {
      calm = replay(false, c -> Optional.empty());
    }
    return calm;
  }

  @Test
  @DisplayName("Each channel gets each of its incidents as one post, every later update threaded once, the post edited")
  void aBusyDay() throws Exception {
    Seen seen = calm();

    for (ChannelRef channel : CHANNELS) {
      assertThat(seen.posts().get(channel)).as(channel.toString())
          .containsExactlyInAnyOrderElementsOf(expected(channel));
      for (Incident i : touching(channel)) {
        List<String> edits = seen.edits().get(channel).get(i.id());
        assertThat(edits).as(channel + " edits of " + i.id()).hasSize(i.incidentUpdates().size() - 1);
        assertThat(edits.get(edits.size() - 1)).contains("(" + i.impact().words() + " impact, resolved)");
      }
    }
    assertThat(seen.posts().get(AI_ONLY)).noneMatch(p -> p.contains("4qsb0fp16tpb"));
    assertThat(seen.posts().get(ALL)).filteredOn(p -> p.startsWith("ROOT")).hasSize(6);
  }

  @Test
  @DisplayName("A crash and restart in the middle, and the chat API answering 429 now and then, change nothing")
  void restartsAndRateLimits() throws Exception {
    Seen rough = replay(true, RecordingChatPort.rateLimitEvery(5, Duration.ofSeconds(2)));

    assertThat(rough.posts()).isEqualTo(calm().posts());
    assertThat(rough.edits()).isEqualTo(calm().edits());
  }

  static List<Incident> touching(ChannelRef channel) {
    return day.stream().filter(i -> !channel.equals(AI_ONLY) || i.touches(Pages.AI))
        .filter(i -> !channel.equals(CODE_ONLY) || i.touches(Pages.CODE))
        .toList();
  }

  /** The posts a channel should get: the archive's incidents, the first update in the post, the rest threaded. */
  static List<String> expected(ChannelRef channel) {
    List<String> posts = new ArrayList<>();
    for (Incident i : touching(channel)) {
      posts.add("ROOT " + i.id());
      List<IncidentUpdate> updates = i.updatesInOrder();
      for (IncidentUpdate u : updates.subList(1, updates.size())) {
        String text = Posts.update(i, u, names).text().toPlainString();
        posts.add(reply(i.id(), u.status() == IncidentStatus.RESOLVED, text));
      }
    }
    return posts;
  }

  static String reply(String incidentId, boolean broadcast, String text) {
    return "REPLY " + incidentId + (broadcast ? " (also in channel) " : " ") + text;
  }

  static Seen replay(boolean restart, Function<Call, Optional<ChatDeliveryException>> failures) throws Exception {
    try (FakeStatusPage fake = FakeStatusPage.start()) {
      StatuspageClient client = StatusSources.client(List.of(fake.baseUrl()), Duration.ofSeconds(2),
          Duration.ofSeconds(5));
      Harness h = new Harness(new InMemoryStore(), FROM, StatusPage.of(client));
      h.subscribeUsual();
      h.slack.failWhen(failures);
      h.discord.failWhen(failures);
      runDay(fake, h, changes, restart ? Optional.of(RESTART_AT) : Optional.empty());
      assertThat(fake.requestCount(FakeStatusPage.INCIDENTS)).isGreaterThan(300);
      assertThat(fake.requests(FakeStatusPage.INCIDENTS)).as("conditional requests after the first")
          .filteredOn(r -> r.header("If-None-Match").isPresent())
          .hasSizeGreaterThan(fake.requestCount(FakeStatusPage.INCIDENTS) - 2);
      return seen(h);
    }
  }

  /**
   * Runs the watcher on {@code h}'s clock from its start to {@link #TO}, serving the page as the
   * archive had it whenever one of {@code changes} has passed, and, at {@code restartAt}, dropping
   * the watcher without a word (its lease left to lapse) for a new one on the same store.
   */
  static void runDay(FakeStatusPage fake, Harness h, List<Instant> changes, Optional<Instant> restartAt) {
    IncidentWatcher watcher = Watchers.reading(h.source, h.store, h.ports, h.engine, h.clock, POLL, "first",
        () -> 0.5, IncidentWatcher.DEFAULT_RETENTION, BotMetrics.none());
    int shown = -1;
    boolean restarted = restartAt.isEmpty();
    while (h.clock.instant().isBefore(TO)) {
      Instant now = h.clock.instant();
      int visible = (int) changes.stream().filter(t -> !t.isAfter(now)).count();
      if (visible != shown) {
        fake.servePage(StatusPageHistory.anthropic().at(now));
        shown = visible;
      }
      if (!restarted && !now.isBefore(restartAt.get())) {
        watcher = Watchers.reading(h.source, h.store, h.ports, h.engine, h.clock, POLL, "second", () -> 0.5,
            IncidentWatcher.DEFAULT_RETENTION, BotMetrics.none());
        restarted = true;
      }
      h.clock.advance(watcher.tick());
    }
  }

  /** Reads what the ports got, naming each thread by its incident (the ledger says which post is whose). */
  static Seen seen(Harness h) {
    Map<ChannelRef, List<String>> posts = new HashMap<>();
    Map<ChannelRef, Map<String, List<String>>> edits = new HashMap<>();
    for (ChannelRef channel : CHANNELS) {
      RecordingChatPort port = h.port(channel);
      Map<String, String> incidentOf = new HashMap<>();
      for (Incident i : day) {
        h.store.ledger().find(channel, ItemKeys.incident(i.id())).flatMap(LedgerEntry::messageId)
            .ifPresent(id -> incidentOf.put(id, i.id()));
      }
      List<String> list = new ArrayList<>();
      for (Post p : port.posts(channel)) {
        list.add(p.isTopLevel() ? "ROOT " + incidentOf.get(p.messageId())
            : reply(incidentOf.get(p.threadId().orElseThrow()), p.alsoToChannel(), p.text()));
      }
      Set<String> distinct = new HashSet<>(list);
      assertThat(distinct).as("nothing posted twice in " + channel).hasSameSizeAs(list);
      posts.put(channel, List.copyOf(new TreeSet<>(list)));
      Map<String, List<String>> byIncident = new HashMap<>();
      incidentOf.forEach((messageId, incidentId) -> byIncident.put(incidentId,
          port.edits(new MessageRef(channel, messageId)).stream().map(RecordingChatPort.Edit::text).toList()));
      edits.put(channel, byIncident);
    }
    return new Seen(posts, edits);
  }
}
