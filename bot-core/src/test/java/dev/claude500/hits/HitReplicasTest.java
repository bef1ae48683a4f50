package dev.claude500.hits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.HitCount;
import dev.claude500.chat.Reply;
import dev.claude500.incidents.HitScope;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.outbox.Outbox;
import dev.claude500.store.JdbcStore;
import dev.claude500.testing.InMemoryOutboxStore;
import dev.claude500.testing.JdbcStores;
import dev.claude500.testing.ManualScheduler;
import dev.claude500.testing.MutableClock;
import dev.claude500.testing.Postgres;
import dev.claude500.testing.RecordingChatPort;
import dev.claude500.testing.StatusFixtures;
import dev.claude500.testing.WhoIsHit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the bot (each its own store handle, outbox and port) on one database: clicks
 * spread over both are counted together, both show the same number, and one edit per slot goes out
 * between them.
 */
class HitReplicasTest {
  final MutableClock clock = new MutableClock(StatusFixtures.RED_AT);
  final ManualScheduler scheduler = new ManualScheduler(clock);
  final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  record Replica(JdbcStore store, RecordingChatPort port, WhoIsHit hit) {}

  Replica replica(String url, String user, String password) {
    JdbcStore store = JdbcStores.open(url, user, password);
    open.add(store);
    RecordingChatPort port = new RecordingChatPort("slack");
    Outbox outbox = new Outbox(new InMemoryOutboxStore(), store.ledger(), clock, scheduler);
    outbox.register(port);
    return new Replica(store, port, new WhoIsHit(store, StatusFixtures.source(StatusFixtures.redSnapshot()), outbox,
        clock, scheduler, BotMetrics.none()).add(port));
  }

  @Test
  @DisplayName("Two replicas on one H2 database count clicks together and agree")
  void onH2() {
    String url = "jdbc:h2:mem:hits-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    agree(replica(url, null, null), replica(url, null, null));
  }

  @Test
  @DisplayName("Two replicas on one PostgreSQL database count clicks together and agree")
  void onPostgres() {
    Postgres pg = Postgres.requireOrSkip();
    open.add(pg::dropSchema);
    agree(replica(pg.url(), pg.user(), pg.password()), replica(pg.url(), pg.user(), pg.password()));
  }

  static int count(RecordingChatPort.Edit e) {
    return ((Reply.Incident) e.reply()).hit().map(HitCount::people).orElseThrow();
  }

  void agree(Replica a, Replica b) {
    HitButtonTest.posted(a.store(), HitButtonTest.OPS, HitButtonTest.POST.messageId());
    int n = 0;
    for (int round = 0; round < 50; round++) {
      Replica r = round % 2 == 0 ? a : b;
      String person = "U" + (round % 20);
      assertThat(r.hit().button().click(r.port(), new HitClick("trigger-" + ++n, HitButtonTest.POST,
          HitButtonTest.INCIDENT, person))).isPresent();
      // a retry of the same click reaching the other replica counts nothing
      Replica other = r == a ? b : a;
      assertThat(other.hit().button().click(other.port(), new HitClick("trigger-" + n, HitButtonTest.POST,
          HitButtonTest.INCIDENT, person))).isEmpty();
      clock.advance(Duration.ofMillis(150));
      scheduler.runDue();
    }
    int aBefore = a.port().edits().size();
    int bBefore = b.port().edits().size();
    clock.advance(HitEdits.EVERY);
    scheduler.runDue();

    HitScope scope = new HitScope(HitButtonTest.INCIDENT, "slack", "slack");
    // people 0..9 clicked 3 times (rounds r, r+20, r+40), 10..19 twice: only the first ten are counted
    assertThat(a.store().incidentHits().count(scope)).isEqualTo(10);
    assertThat(b.store().incidentHits().count(scope)).isEqualTo(10);
    List<RecordingChatPort.Edit> edits = new ArrayList<>(a.port().edits());
    edits.addAll(b.port().edits());
    assertThat(edits).as("edits between both replicas over 7.5 s of clicks").hasSizeBetween(2, 3);
    assertThat(edits).allSatisfy(e -> assertThat(e.message()).isEqualTo(HitButtonTest.POST));
    List<Integer> last = new ArrayList<>();
    a.port().edits().stream().skip(aBefore).forEach(e -> last.add(count(e)));
    b.port().edits().stream().skip(bBefore).forEach(e -> last.add(count(e)));
    assertThat(last).as("the one edit after the clicks, by either replica").containsExactly(10);
  }
}
