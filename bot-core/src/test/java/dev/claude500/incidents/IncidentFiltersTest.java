package dev.claude500.incidents;

import static dev.claude500.incidents.Pages.CODE;
import static dev.claude500.incidents.Pages.T0;
import static dev.claude500.incidents.Pages.maintenance;
import static dev.claude500.incidents.Pages.update;
import static dev.claude500.status.IncidentStatus.COMPLETED;
import static dev.claude500.status.IncidentStatus.IDENTIFIED;
import static dev.claude500.status.IncidentStatus.IN_PROGRESS;
import static dev.claude500.status.IncidentStatus.INVESTIGATING;
import static dev.claude500.status.IncidentStatus.MONITORING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.ChannelMention;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatDeliveryException;
import dev.claude500.chat.MessageRef;
import dev.claude500.chat.Reply;
import dev.claude500.status.Impact;
import dev.claude500.status.Incident;
import dev.claude500.status.IncidentUpdate;
import dev.claude500.testing.RecordingChatPort.Post;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Crafted incidents through the watcher to channels with filters: what the replay of a real day cannot show. */
class IncidentFiltersTest {
  static final ChannelRef MAJOR = new ChannelRef("discord", "D-MAJOR");
  static final ChannelRef EVERY = new ChannelRef("discord", "D-EVERY");
  static final ChannelRef QUIET = new ChannelRef("discord", "D-QUIET");

  static final IncidentUpdate U1 = update("u1", "I", INVESTIGATING, T0.plusSeconds(60), "Looking into errors.");
  static final IncidentUpdate U2 = update("u2", "I", IDENTIFIED, T0.plusSeconds(300), "Found a bad config.");
  static final IncidentUpdate U3 = update("u3", "I", IDENTIFIED, T0.plusSeconds(600), "Errors are spreading.");
  static final IncidentUpdate U4 = update("u4", "I", MONITORING, T0.plusSeconds(900), "A fix is out.");
  static final IncidentUpdate U5 = update("u5", "I", MONITORING, T0.plusSeconds(1200), "Down to a trickle.");

  static Incident i(Impact impact, IncidentUpdate... updates) {
    Incident i = Pages.incident("I", "Errors on Claude Code", List.of(CODE), updates);
    return new Incident(i.id(), i.name(), i.status(), impact, i.createdAt(), i.updatedAt(), i.monitoringAt(),
        i.resolvedAt(), i.startedAt(), null, null, null, i.incidentUpdates(), i.components());
  }

  /** Shows the incident as it is at {@code at} and runs the watcher until then. */
  static void at(Harness h, Instant at, Incident shown) {
    h.runFor(Duration.between(h.clock.instant(), at));
    h.page.show(shown);
    h.runFor(Duration.ofSeconds(90));
  }

  @Test
  @DisplayName("min: a minor incident raised to major is posted then, with its story so far; lowered again, it goes on")
  void raisedThenLowered() {
    Harness h = new Harness().subscribe(MAJOR, List.of("min=major", "mention=here"))
        .subscribe(EVERY, List.of("mention=everyone"));
    h.tick();
    at(h, U1.shownAt(), i(Impact.MINOR, U1));
    at(h, U2.shownAt(), i(Impact.MINOR, U1, U2));
    assertThat(h.discord.posts(MAJOR)).isEmpty();
    assertThat(h.discord.topLevel(EVERY)).singleElement()
        .satisfies(p -> assertThat(((Reply.Incident) p.reply()).mention()).isEqualTo(ChannelMention.NONE));

    at(h, U3.shownAt(), i(Impact.MAJOR, U1, U2, U3));
    Post root = h.discord.topLevel(MAJOR).get(0);
    assertThat(root.reply()).isInstanceOfSatisfying(Reply.Incident.class, r -> {
      assertThat(r.mention()).isEqualTo(ChannelMention.of(ChannelMention.Kind.HERE));
      assertThat(r.view().latest()).contains(U3);
    });
    assertThat(h.discord.thread(MAJOR, root.messageId())).singleElement().satisfies(story -> {
      assertThat(story.itemKey()).contains("digest/I/u2");
      assertThat(story.text()).contains("2 updates").contains("Looking into errors.").contains("Found a bad config.")
          .doesNotContain("Errors are spreading.");
    });

    at(h, U4.shownAt(), i(Impact.MINOR, U1, U2, U3, U4));
    at(h, U5.shownAt(), i(Impact.MINOR, U1, U2, U3, U4, U5));
    h.runFor(Duration.ofMinutes(10));
    assertThat(h.discord.thread(MAJOR, root.messageId())).extracting(Post::itemKey).extracting(k -> k.orElseThrow())
        .containsExactly("digest/I/u2", "update/u4", "update/u5");
    assertThat(h.discord.topLevel(MAJOR)).hasSize(1);
    // the channel that had it from the start: its first post, at minor, called nobody; being raised adds no mention
    assertThat(h.discord.topLevel(EVERY)).hasSize(1);
    assertThat(h.discord.thread(EVERY, h.discord.topLevel(EVERY).get(0).messageId())).hasSize(4)
        .allSatisfy(p -> assertThat(p.reply()).isInstanceOf(Reply.Message.class));
    assertThat(h.discord.edits()).allSatisfy(e ->
        assertThat(((Reply.Incident) e.reply()).mention()).isEqualTo(ChannelMention.NONE));
  }

  @Test
  @DisplayName("Quiet hours: updates wait, the top post is still edited, and one digest goes out at the end, once across a lost answer and a restart")
  void digestOnceAcrossLostAnswerAndRestart() {
    // quiet 10:03-10:12 UTC: u2 and u3 are written in it, u4 after
    Harness h = new Harness().subscribe(QUIET, List.of("quiet=10:03-10:12"));
    h.discord.canFindPosts(true).loseAnswerWhen(c -> c.itemKey().filter(k -> k.startsWith("digest/")).isPresent());
    h.tick();
    at(h, U1.shownAt(), i(Impact.MAJOR, U1));
    Post root = h.discord.topLevel(QUIET).get(0);
    MessageRef rootRef = new MessageRef(QUIET, root.messageId());
    at(h, U2.shownAt(), i(Impact.MAJOR, U1, U2));
    h.runFor(Duration.between(h.clock.instant(), T0.plusSeconds(660)));
    h.page.show(i(Impact.MAJOR, U1, U2, U3));
    h.runFor(Duration.ofSeconds(40));
    assertThat(h.clock.instant()).isBefore(T0.plusSeconds(720));
    assertThat(h.discord.thread(QUIET, root.messageId())).as("nothing threaded in quiet hours").isEmpty();
    assertThat(h.discord.edits(rootRef)).as("the top post is still edited").hasSize(2);

    h.runFor(Duration.between(h.clock.instant(), T0.plusSeconds(730)));
    h.restart();
    at(h, U4.shownAt(), i(Impact.MAJOR, U1, U2, U3, U4));
    h.runFor(Duration.ofMinutes(10));

    List<Post> thread = h.discord.thread(QUIET, root.messageId());
    assertThat(thread).extracting(p -> p.itemKey().orElseThrow()).containsExactly("digest/I/u3", "update/u4");
    assertThat(thread.get(0).text()).contains("2 updates").contains("Found a bad config.")
        .contains("Errors are spreading.");
    assertThat(h.store.ledger().find(QUIET, "update/u2").flatMap(LedgerEntry::messageId))
        .contains(thread.get(0).messageId());
  }

  @Test
  @DisplayName("A critical update still queued alone when the quiet hours end (a long Retry-After) is not told again"
      + " in a digest: it goes out once, by itself")
  void updateQueuedAloneIsNotInTheDigest() {
    // quiet 10:03-10:12: u2, critical, is written in them and posted at once, but refused for now until after their end
    Harness h = new Harness().subscribe(QUIET, List.of("quiet=10:03-10:12"));
    IncidentUpdate u2 = update("u2", "I", IDENTIFIED, T0.plusSeconds(640), "Found a bad config.");
    List<Instant> tries = new ArrayList<>();
    h.discord.failWhen(c -> {
      if (c.itemKey().equals(Optional.of("update/u2")) && tries.add(h.clock.instant()) && tries.size() == 1) {
        return Optional.of(ChatDeliveryException.retryable("429 rate limited",
            Optional.of(Duration.ofSeconds(120))));
      }
      return Optional.empty();
    });
    h.tick();
    at(h, U1.shownAt(), i(Impact.CRITICAL, U1));
    at(h, u2.shownAt(), i(Impact.CRITICAL, U1, u2));
    h.runFor(Duration.ofMinutes(10));

    assertThat(tries).hasSize(2);
    assertThat(tries.get(1)).isAfter(T0.plusSeconds(720)); // sent after the quiet hours ended
    Post root = h.discord.topLevel(QUIET).get(0);
    assertThat(h.discord.thread(QUIET, root.messageId())).extracting(p -> p.itemKey().orElseThrow())
        .containsExactly("update/u2");
  }

  @Test
  @DisplayName("An update another sender has claimed (its send under way) when the quiet hours end is left out of the"
      + " digest")
  void updateClaimedElsewhereIsNotInTheDigest() {
    // quiet 10:03-10:12: u2 and u3 are written in them; a replica's send of u2 is under way as they end
    Harness h = new Harness().subscribe(QUIET, List.of("quiet=10:03-10:12"));
    h.tick();
    at(h, U1.shownAt(), i(Impact.MAJOR, U1));
    at(h, U2.shownAt(), i(Impact.MAJOR, U1, U2));
    h.runFor(Duration.between(h.clock.instant(), T0.plusSeconds(660)));
    h.page.show(i(Impact.MAJOR, U1, U2, U3));
    h.runFor(Duration.between(h.clock.instant(), T0.plusSeconds(715)));
    assertThat(h.store.ledger().claim(QUIET, "update/u2", "I", h.clock.instant())).isTrue();
    h.runFor(Duration.ofMinutes(5));

    Post root = h.discord.topLevel(QUIET).get(0);
    List<Post> thread = h.discord.thread(QUIET, root.messageId());
    assertThat(thread).extracting(p -> p.itemKey().orElseThrow()).containsExactlyInAnyOrder("digest/I/u3", "update/u2");
    assertThat(thread).filteredOn(p -> p.itemKey().orElseThrow().startsWith("digest/")).singleElement()
        .satisfies(d -> assertThat(d.text()).contains("Errors are spreading.").doesNotContain("Found a bad config."));
  }

  @Test
  @DisplayName("A top post queued just before the quiet hours and refused for now goes out once when the platform"
      + " allows: it was decided before they began (the outbox owns retries)")
  void topPostQueuedBeforeQuietHoursGoesOutOnce() {
    Harness h = new Harness().subscribe(QUIET, List.of("quiet=10:02-10:10"));
    List<Instant> tries = new ArrayList<>();
    h.discord.failWhen(c -> {
      if (c.itemKey().equals(Optional.of("incident/I"))) {
        tries.add(h.clock.instant());
        if (tries.size() == 1) {
          return Optional.of(ChatDeliveryException.retryable("429 rate limited",
              Optional.of(Duration.ofSeconds(100)))); // until the quiet hours began
        }
      }
      return Optional.empty();
    });
    h.tick();
    h.page.show(i(Impact.MAJOR, U1));
    h.runFor(Duration.ofMinutes(15));
    assertThat(tries).hasSize(2);
    assertThat(tries.get(0)).isBefore(T0.plusSeconds(120));
    assertThat(tries.get(1)).isAfterOrEqualTo(tries.get(0).plusSeconds(100)).isBefore(T0.plusSeconds(600));
    assertThat(h.discord.topLevel(QUIET)).hasSize(1);
  }

  @Test
  @DisplayName("Critical incidents are posted in quiet hours at once, unless quiet=all")
  void criticalInQuietHours() {
    ChannelRef all = new ChannelRef("discord", "D-ALL");
    Harness h = new Harness().subscribe(QUIET, List.of("quiet=09:00-11:00", "mention=<@&77>"))
        .subscribe(all, List.of("quiet=all", "tz=Pacific/Auckland"));
    h.tick();
    at(h, U1.shownAt(), i(Impact.CRITICAL, U1));
    at(h, U2.shownAt(), i(Impact.CRITICAL, U1, U2));
    assertThat(h.discord.topLevel(QUIET)).singleElement()
        .satisfies(p -> assertThat(((Reply.Incident) p.reply()).mention()).isEqualTo(ChannelMention.role("77")));
    assertThat(h.discord.thread(QUIET, h.discord.topLevel(QUIET).get(0).messageId())).hasSize(1);
    assertThat(h.discord.posts(all)).isEmpty();
  }

  @Test
  @DisplayName("quiet=all: a maintenance under way across midnight is posted just after it, and its end notice just"
      + " after the next one, even when the bot was down at that midnight")
  void maintenanceAlwaysQuiet() {
    ChannelRef all = new ChannelRef("discord", "D-ALL");
    Instant midnight = Instant.parse("2026-05-05T00:00:00Z");
    Instant nextMidnight = midnight.plus(Duration.ofDays(1));
    Harness h = new Harness().subscribe(all, List.of("quiet=all"));
    h.page.maintenances(maintenance("M", "Database upgrade", IN_PROGRESS, T0, List.of(CODE)));
    h.runFor(Duration.between(h.clock.instant(), midnight.minusSeconds(1)));
    assertThat(h.discord.posts(all)).isEmpty();
    h.runFor(Duration.ofMinutes(5));
    Post root = h.discord.topLevel(all).get(0);
    assertThat(root.text()).contains("Database upgrade");

    h.page.maintenances(maintenance("M", "Database upgrade", COMPLETED, T0, List.of(CODE)));
    h.runFor(Duration.ofMinutes(2));
    h.page.maintenances();
    h.runFor(Duration.between(h.clock.instant(), nextMidnight.minusSeconds(600)));
    assertThat(h.discord.thread(all, root.messageId())).as("the end waits for midnight").isEmpty();
    h.clock.set(nextMidnight.plusSeconds(600)); // the bot is down across midnight, past a day after the end
    h.runFor(Duration.ofMinutes(5));
    assertThat(h.discord.thread(all, root.messageId())).singleElement()
        .satisfies(p -> assertThat(p.text()).startsWith("✅ Maintenance completed"));
    assertThat(h.discord.posts(all)).hasSize(2);
  }

  @Test
  @DisplayName("A maintenance over before the quiet hours end is not posted there: with quiet=all, one over before"
      + " midnight")
  void maintenanceOverWhileQuietIsNotPosted() {
    ChannelRef all = new ChannelRef("discord", "D-ALL");
    Harness h = new Harness().subscribe(all, List.of("quiet=all")).subscribe(QUIET, List.of("quiet=10:00-10:20"))
        .subscribe(EVERY, List.of());
    h.page.maintenances(maintenance("M", "Database upgrade", IN_PROGRESS, T0, List.of(CODE)));
    h.runFor(Duration.ofMinutes(5));
    h.page.maintenances(maintenance("M", "Database upgrade", COMPLETED, T0, List.of(CODE)));
    h.runFor(Duration.ofMinutes(2));
    h.page.maintenances();
    h.runFor(Duration.ofDays(1));

    assertThat(h.discord.posts(EVERY)).as("start and end where nothing is quiet").hasSize(2);
    assertThat(h.discord.posts(QUIET)).isEmpty();
    assertThat(h.discord.posts(all)).isEmpty();
  }

  @Test
  @DisplayName("maintenance=off posts no maintenance; in quiet hours a start and an end notice wait for their end,"
      + " and the post is still edited")
  void maintenanceOffAndQuiet() {
    ChannelRef off = new ChannelRef("discord", "D-OFF");
    Harness h = new Harness().subscribe(off, List.of("maintenance=off"))
        .subscribe(QUIET, List.of("quiet=10:00-10:20")).subscribe(EVERY, List.of());
    h.page.maintenances(maintenance("M", "Database upgrade", IN_PROGRESS, T0, List.of(CODE)));
    h.runFor(Duration.ofMinutes(5));
    assertThat(h.discord.topLevel(EVERY)).hasSize(1);
    assertThat(h.discord.posts(QUIET)).isEmpty();
    h.runFor(Duration.ofMinutes(16));
    Post root = h.discord.topLevel(QUIET).get(0);
    assertThat(root.text()).contains("Database upgrade");

    // it ends the next day, in the quiet hours
    Instant nextQuiet = T0.plus(Duration.ofDays(1));
    h.runFor(Duration.between(h.clock.instant(), nextQuiet.plus(Duration.ofMinutes(5))));
    h.page.maintenances(maintenance("M", "Database upgrade", COMPLETED, T0, List.of(CODE)));
    h.runFor(Duration.ofMinutes(2));
    h.page.maintenances();
    h.runFor(Duration.between(h.clock.instant(), nextQuiet.plus(Duration.ofMinutes(19))));
    assertThat(h.discord.thread(EVERY, h.discord.topLevel(EVERY).get(0).messageId())).hasSize(1);
    assertThat(h.discord.thread(QUIET, root.messageId())).as("the end notice waits").isEmpty();
    assertThat(h.discord.edits(new MessageRef(QUIET, root.messageId()))).as("the post is edited to completed")
        .anySatisfy(e -> assertThat(((Reply.Incident) e.reply()).view().status()).isEqualTo(COMPLETED));

    h.runFor(Duration.ofMinutes(10));
    assertThat(h.discord.posts(off)).isEmpty();
    assertThat(h.discord.thread(QUIET, root.messageId())).singleElement()
        .satisfies(p -> assertThat(p.text()).startsWith("✅ Maintenance completed"));
    assertThat(h.discord.posts(EVERY)).hasSize(2);
  }
}
