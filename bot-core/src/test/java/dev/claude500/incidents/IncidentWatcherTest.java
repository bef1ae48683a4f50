package dev.claude500.incidents;

import static dev.claude500.incidents.Harness.AI_ONLY;
import static dev.claude500.incidents.Harness.ALL;
import static dev.claude500.incidents.Harness.CODE_ONLY;
import static dev.claude500.incidents.Harness.POLL;
import static dev.claude500.incidents.Pages.AI;
import static dev.claude500.incidents.Pages.API;
import static dev.claude500.incidents.Pages.CODE;
import static dev.claude500.incidents.Pages.T0;
import static dev.claude500.incidents.Pages.change;
import static dev.claude500.incidents.Pages.incident;
import static dev.claude500.incidents.Pages.maintenance;
import static dev.claude500.incidents.Pages.update;
import static dev.claude500.status.ComponentStatus.DEGRADED_PERFORMANCE;
import static dev.claude500.status.ComponentStatus.OPERATIONAL;
import static dev.claude500.status.ComponentStatus.PARTIAL_OUTAGE;
import static dev.claude500.status.IncidentStatus.COMPLETED;
import static dev.claude500.status.IncidentStatus.IDENTIFIED;
import static dev.claude500.status.IncidentStatus.INVESTIGATING;
import static dev.claude500.status.IncidentStatus.IN_PROGRESS;
import static dev.claude500.status.IncidentStatus.MONITORING;
import static dev.claude500.status.IncidentStatus.POSTMORTEM;
import static dev.claude500.status.IncidentStatus.RESOLVED;
import static dev.claude500.status.IncidentStatus.SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatDeliveryException;
import dev.claude500.chat.MessageRef;
import dev.claude500.chat.Reply;
import dev.claude500.status.ComponentState;
import dev.claude500.status.Impact;
import dev.claude500.status.Incident;
import dev.claude500.status.IncidentUpdate;
import dev.claude500.testing.CrashingStore;
import dev.claude500.testing.RecordingChatPort;
import dev.claude500.testing.RecordingChatPort.Post;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class IncidentWatcherTest {
  static final List<String> CODE_API = List.of(CODE, API);

  static IncidentUpdate u(String id, String incident, dev.claude500.status.IncidentStatus status, int minute,
      String body, dev.claude500.status.AffectedComponent... changes) {
    return update(id, incident, status, T0.plusSeconds(60L * minute), body, changes);
  }

  /** An incident on Claude Code and the API: investigating at 0, identified at 5, monitoring at 20, resolved at 40. */
  static final IncidentUpdate B1 = u("b1", "B", INVESTIGATING, 0, "We are investigating errors in Claude Code.",
      change(CODE, OPERATIONAL, PARTIAL_OUTAGE), change(API, OPERATIONAL, DEGRADED_PERFORMANCE));
  static final IncidentUpdate B2 = u("b2", "B", IDENTIFIED, 5, "The cause is identified.",
      change(CODE, PARTIAL_OUTAGE, PARTIAL_OUTAGE));
  static final IncidentUpdate B3 = u("b3", "B", MONITORING, 20, "A fix is deployed; we are monitoring.",
      change(CODE, PARTIAL_OUTAGE, OPERATIONAL), change(API, DEGRADED_PERFORMANCE, OPERATIONAL));
  static final IncidentUpdate B4 = u("b4", "B", RESOLVED, 40, "This incident has been resolved.");

  static Incident b(IncidentUpdate... updates) {
    return incident("B", "Elevated errors on Claude Code", CODE_API, updates);
  }

  static List<String> texts(List<Post> posts) {
    return posts.stream().map(Post::text).toList();
  }

  @Nested
  @DisplayName("first start and restarts")
  class FirstStart {
    @Test
    @DisplayName("History is not posted; an incident open at the first start is posted once, summarised")
    void onlyOpenIncidentsAtFirstStart() {
      Harness h = new Harness().subscribeUsual();
      Incident old = incident("A", "Old trouble", List.of(AI, CODE),
          u("a1", "A", INVESTIGATING, -600, "Looking."), u("a2", "A", RESOLVED, -500, "Fixed."));
      h.page.show(old, b(B1, B2));
      h.clock.set(T0.plusSeconds(6 * 60));

      h.tick();

      assertThat(h.slack.topLevel(ALL)).hasSize(1);
      Post post = h.slack.topLevel(ALL).get(0);
      assertThat(post.reply()).isInstanceOf(Reply.Incident.class);
      assertThat(post.text()).contains("Elevated errors on Claude Code").contains("identified")
          .contains("The cause is identified.");
      assertThat(h.slack.posts(ALL)).hasSize(1).as("updates so far are in the post, not replayed");
      assertThat(h.slack.posts(AI_ONLY)).as("B does not touch claude.ai").isEmpty();
      assertThat(h.discord.topLevel(CODE_ONLY)).hasSize(1);
      assertThat(h.store.ledger().find(ALL, "update/b1")).map(LedgerEntry::messageId)
          .contains(Optional.of(post.messageId()));

      h.runFor(Duration.ofMinutes(3));
      h.restart();
      h.runFor(Duration.ofMinutes(3));

      assertThat(h.slack.posts()).hasSize(1);
      assertThat(h.discord.posts()).hasSize(1);
      assertThat(h.slack.edits()).isEmpty();
    }

    @Test
    @DisplayName("A restart re-posts nothing and goes on threading new updates under the first post")
    void restartContinues() {
      Harness h = new Harness().subscribeUsual();
      h.tick();
      h.page.show(b(B1));
      h.tickAfter(POLL);
      h.page.show(b(B1, B2));
      h.tickAfter(POLL);

      h.restart();
      h.page.show(b(B1, B2, B3));
      h.runFor(Duration.ofMinutes(2));

      String root = h.slack.topLevel(ALL).get(0).messageId();
      assertThat(h.slack.topLevel(ALL)).hasSize(1);
      assertThat(texts(h.slack.thread(ALL, root))).hasSize(2);
      assertThat(h.slack.thread(ALL, root).get(1).text()).contains("Monitoring").contains("A fix is deployed");
    }
  }

  @Nested
  @DisplayName("one incident's life in a channel")
  class Life {
    @Test
    @DisplayName("First post carries the first update; each later one is threaded once and the post edited")
    void threadedUpdatesAndEdits() {
      Harness h = new Harness().subscribeUsual();
      h.tick();
      h.page.show(b(B1));
      h.tickAfter(POLL);
      Post root = h.slack.topLevel(ALL).get(0);
      MessageRef rootRef = new MessageRef(ALL, root.messageId());
      assertThat(root.text()).contains("We are investigating errors in Claude Code.")
          .contains("Claude Code: partial outage; Claude API (api.anthropic.com): degraded performance");
      assertThat(((Reply.Incident) root.reply()).view()).satisfies(v -> {
        assertThat(v.name()).isEqualTo("Elevated errors on Claude Code");
        assertThat(v.impact()).isEqualTo(Impact.MAJOR);
        assertThat(v.components()).containsExactly(
            new ComponentState(CODE, "Claude Code", PARTIAL_OUTAGE),
            new ComponentState(API, "Claude API (api.anthropic.com)", DEGRADED_PERFORMANCE));
        assertThat(v.latest()).contains(B1);
        assertThat(v.link()).isEqualTo("https://status.claude.com/incidents/B");
      });
      assertThat(h.slack.thread(ALL, root.messageId())).isEmpty();

      h.page.show(b(B1, B2));
      h.runFor(Duration.ofMinutes(1));
      h.page.show(b(B1, B2, B3));
      h.runFor(Duration.ofMinutes(1));
      h.page.show(b(B1, B2, B3, B4));
      h.runFor(Duration.ofMinutes(5));

      List<Post> thread = h.slack.thread(ALL, root.messageId());
      assertThat(thread).hasSize(3);
      assertThat(thread.get(0).text()).startsWith("🎯 Identified · 2026-05-04 10:05 UTC")
          .contains("The cause is identified.").doesNotContain("→");
      assertThat(thread.get(1).text()).contains("👀 Monitoring")
          .contains("• Claude Code: 🟠 partial outage → 🟢 operational")
          .contains("• Claude API (api.anthropic.com): 🟡 degraded performance → 🟢 operational");
      assertThat(thread.get(2).text()).startsWith("✅ Resolved: Elevated errors on Claude Code")
          .contains("https://status.claude.com/incidents/B");
      assertThat(thread).extracting(Post::alsoToChannel).containsExactly(false, false, true);
      assertThat(h.slack.edits(rootRef)).hasSize(3);
      assertThat(h.slack.edits(rootRef).get(2).text())
          .contains("resolved").contains("This incident has been resolved.");
      assertThat(h.discord.thread(CODE_ONLY, h.discord.topLevel(CODE_ONLY).get(0).messageId())).hasSize(3);
      assertThat(h.slack.posts(AI_ONLY)).isEmpty();
    }

    @Test
    @DisplayName("A postmortem published later is threaded under the resolved incident, not broadcast")
    void postmortem() {
      Harness h = new Harness().subscribe(ALL);
      h.tick();
      h.page.show(b(B1));
      h.tickAfter(POLL);
      h.page.show(b(B1, B4));
      h.runFor(Duration.ofMinutes(1));
      h.clock.advance(Duration.ofHours(20));
      IncidentUpdate pm = update("b5", "B", POSTMORTEM, h.clock.instant(), "What happened: a bad deploy.");
      h.page.show(b(B1, B4, pm));

      h.runFor(Duration.ofMinutes(1));

      String root = h.slack.topLevel(ALL).get(0).messageId();
      List<Post> thread = h.slack.thread(ALL, root);
      assertThat(thread).hasSize(2);
      assertThat(thread.get(1).text()).startsWith("📝 Postmortem: Elevated errors on Claude Code")
          .contains("a bad deploy");
      assertThat(thread.get(1).alsoToChannel()).isFalse();
      assertThat(h.store.ledger().find(ALL, "postmortem/b5")).map(LedgerEntry::isPosted).contains(true);
    }

    @Test
    @DisplayName("A late update shown earlier than one already posted is posted once, whenever it appears")
    void lateAndOutOfOrderUpdates() {
      Harness h = new Harness().subscribe(ALL);
      h.tick();
      h.page.show(b(B1));
      h.tickAfter(POLL);
      h.page.show(b(B1, B3));
      h.runFor(Duration.ofMinutes(1));
      IncidentUpdate lateB2 = new IncidentUpdate("b2", IDENTIFIED, "Backdated: identified at 10:05.", "B",
          h.clock.instant(), h.clock.instant(), T0.plusSeconds(300), List.of());
      h.page.show(b(B1, B3, lateB2));

      h.runFor(Duration.ofMinutes(2));

      String root = h.slack.topLevel(ALL).get(0).messageId();
      assertThat(texts(h.slack.thread(ALL, root))).satisfiesExactly(
          t -> assertThat(t).contains("Monitoring"),
          t -> assertThat(t).contains("Backdated: identified at 10:05."));
      assertThat(h.slack.edits()).as("the post already shows the latest state").hasSize(1);
    }

    @Test
    @DisplayName("An incident created and resolved between two polls is posted once, as resolved")
    void bornResolved() {
      Harness h = new Harness().subscribe(ALL);
      h.tick();
      h.page.show(b(B1, B2, B4));

      h.runFor(Duration.ofMinutes(2));

      assertThat(h.slack.posts()).hasSize(1);
      assertThat(h.slack.posts().get(0).text()).contains("resolved");
    }
  }

  @Nested
  @DisplayName("which channels get what")
  class Channels {
    @Test
    @DisplayName("A channel gets only incidents touching its components, by incident or update component")
    void componentFilter() {
      Harness h = new Harness().subscribeUsual();
      h.tick();
      Incident codeOnly = incident("C", "Claude Code is slow", List.of(CODE),
          u("c1", "C", INVESTIGATING, 1, "Slow.", change(CODE, OPERATIONAL, DEGRADED_PERFORMANCE)));
      Incident aiByUpdate = incident("D", "Login errors", List.of(CODE),
          u("d1", "D", INVESTIGATING, 1, "Login fails.", change(AI, OPERATIONAL, PARTIAL_OUTAGE)));
      h.page.show(codeOnly, aiByUpdate);

      h.runFor(Duration.ofMinutes(1));

      assertThat(texts(h.slack.topLevel(ALL))).hasSize(2);
      assertThat(texts(h.slack.topLevel(AI_ONLY))).singleElement().asString().contains("Login errors");
      assertThat(texts(h.discord.topLevel(CODE_ONLY))).hasSize(2);
    }

    @Test
    @DisplayName("A channel subscribed during an incident gets it; one subscribed after it ended does not")
    void lateSubscribers() {
      Harness h = new Harness().subscribe(ALL);
      h.tick();
      h.page.show(b(B1));
      h.runFor(Duration.ofMinutes(1));
      h.subscribe(CODE_ONLY);
      h.runFor(Duration.ofMinutes(1));
      h.clock.set(B4.shownAt().plusSeconds(10));
      h.page.show(b(B1, B4));
      h.runFor(Duration.ofMinutes(1));
      h.subscribe(AI_ONLY);

      h.runFor(Duration.ofMinutes(1));

      assertThat(h.discord.topLevel(CODE_ONLY)).hasSize(1);
      assertThat(h.discord.posts(CODE_ONLY)).hasSize(2);
      assertThat(h.slack.posts(AI_ONLY)).isEmpty();
    }

    @Test
    @DisplayName("Channels of a platform that does not run here are left for later, not failed")
    void platformNotRunning() {
      Harness h = new Harness().subscribe(new ChannelRef("teams", "T1"));
      h.tick();
      h.page.show(b(B1));

      h.runFor(Duration.ofMinutes(1));

      assertThat(h.store.ledger().isEmpty()).isTrue();
    }
  }

  @Nested
  @DisplayName("maintenance windows")
  class Maintenance {
    @Test
    @DisplayName("A maintenance is posted when it starts and noted in its thread and channel when it completes")
    void startAndComplete() {
      Harness h = new Harness().subscribeUsual();
      h.page.maintenances(maintenance("M", "Database upgrade", SCHEDULED, T0.plusSeconds(600), List.of(AI)));
      h.runFor(Duration.ofMinutes(5));
      assertThat(h.slack.posts()).isEmpty();

      h.page.maintenances(maintenance("M", "Database upgrade", IN_PROGRESS, T0.plusSeconds(600), List.of(AI)));
      h.runFor(Duration.ofMinutes(5));
      h.page.maintenances(maintenance("M", "Database upgrade", COMPLETED, T0.plusSeconds(600), List.of(AI)));
      h.runFor(Duration.ofMinutes(2));
      h.page.maintenances();
      h.runFor(Duration.ofMinutes(2));

      for (ChannelRef channel : List.of(ALL, AI_ONLY)) {
        Post root = h.slack.topLevel(channel).get(0);
        assertThat(h.slack.topLevel(channel)).hasSize(1);
        assertThat(root.text()).contains("Database upgrade").contains("in progress");
        assertThat(h.slack.thread(channel, root.messageId())).singleElement().satisfies(p -> {
          assertThat(p.text()).startsWith("✅ Maintenance completed: Database upgrade");
          assertThat(p.alsoToChannel()).isTrue();
        });
        assertThat(h.slack.edits(new MessageRef(channel, root.messageId()))).singleElement()
            .satisfies(e -> assertThat(e.text()).contains("completed"));
      }
      assertThat(h.discord.posts()).isEmpty();
    }

    @Test
    @DisplayName("A maintenance that leaves the summary has ended, even across a restart")
    void endsWhenUnlisted() {
      Harness h = new Harness().subscribe(ALL);
      h.page.maintenances(maintenance("M2", "Network work", IN_PROGRESS, T0, List.of(CODE)));
      h.runFor(Duration.ofMinutes(1));
      h.restart();
      h.page.maintenances();

      h.runFor(Duration.ofMinutes(1));

      Post root = h.slack.topLevel(ALL).get(0);
      assertThat(h.slack.posts()).hasSize(2);
      assertThat(h.slack.thread(ALL, root.messageId())).singleElement().extracting(Post::text).asString()
          .contains("Maintenance completed: Network work");
      assertThat(h.slack.edits()).singleElement().extracting(RecordingChatPort.Edit::text).asString()
          .contains("completed");
    }
  }

  @Nested
  @DisplayName("platform failures")
  class Failures {
    @Test
    @DisplayName("A rate limit delays the channel's posts by its Retry-After, in order, and drops none")
    void rateLimitDelays() {
      Harness h = new Harness().subscribe(ALL);
      h.tick();
      List<Instant> refused = new ArrayList<>();
      h.slack.failWhen(c -> {
        if (refused.size() < 2) {
          refused.add(h.clock.instant());
          return Optional.of(ChatDeliveryException.retryable("429", Optional.of(Duration.ofSeconds(7))));
        }
        return Optional.empty();
      });
      h.page.show(b(B1, B2));

      assertThat(h.tickAfter(POLL)).as("the round does not come back for the channel").isGreaterThan(Duration.ofSeconds(7));
      assertThat(h.slack.posts()).isEmpty();
      h.page.show(b(B1, B2, B3));
      h.clock.advance(Duration.ofSeconds(3));
      h.outboxTime.runDue();
      assertThat(h.slack.posts()).as("the channel waits out Retry-After").isEmpty();
      h.clock.advance(Duration.ofSeconds(4));
      h.outboxTime.runDue();
      assertThat(h.slack.posts()).as("refused twice").isEmpty();
      h.clock.advance(Duration.ofSeconds(7));
      h.outboxTime.runDue();
      assertThat(h.slack.topLevel(ALL)).as("posted once the wait is over, without a round").hasSize(1);
      h.runFor(Duration.ofMinutes(1));

      Post root = h.slack.topLevel(ALL).get(0);
      assertThat(h.slack.posts()).hasSize(2);
      assertThat(h.slack.thread(ALL, root.messageId())).singleElement().extracting(Post::text).asString()
          .contains("Monitoring");
      assertThat(refused).hasSize(2);
    }

    @Test
    @DisplayName("Thread replies wait while their incident's post is refused for now")
    void repliesWaitForTheirRoot() {
      Harness h = new Harness().subscribe(ALL);
      h.tick();
      h.page.show(b(B1));
      h.slack.failWhen(c -> Optional.of(ChatDeliveryException.retryable("503", Optional.empty())));
      h.runFor(Duration.ofMinutes(2));
      h.page.show(b(B1, B2, B3));
      h.runFor(Duration.ofMinutes(2));
      assertThat(h.slack.posts()).isEmpty();

      h.slack.failWhen(c -> Optional.empty());
      h.runFor(Duration.ofMinutes(6));

      Post root = h.slack.topLevel(ALL).get(0);
      assertThat(h.slack.topLevel(ALL)).as("one top-level post, queued before the outage").hasSize(1);
      assertThat(h.slack.thread(ALL, root.messageId())).as("the later updates threaded under it, in order")
          .hasSize(2);
      assertThat(h.slack.edits()).as("and the post brought up to date").last().extracting(e -> e.text()).asString()
          .contains("onitoring");
    }

    @Test
    @DisplayName("A refusal for good is recorded, logged once, not retried, and other channels carry on")
    void refusedForGood() {
      ListAppender<ILoggingEvent> logs = new ListAppender<>();
      Logger logger = (Logger) LoggerFactory.getLogger(dev.claude500.outbox.Outbox.class);
      logs.start();
      logger.addAppender(logs);
      Harness h = new Harness().subscribe(ALL).subscribe(new ChannelRef("slack", "C-GONE"));
      h.tick();
      h.slack.failWhen(c -> c.channel().channelId().equals("C-GONE")
          ? Optional.of(ChatDeliveryException.permanent("channel_not_found")) : Optional.empty());
      h.page.show(b(B1));
      h.runFor(Duration.ofMinutes(1));
      int callsAfterRefusal = h.slack.calls();
      h.page.show(b(B1, B2, B3));

      h.runFor(Duration.ofMinutes(5));

      ChannelRef gone = new ChannelRef("slack", "C-GONE");
      assertThat(h.store.ledger().find(gone, "incident/B")).map(LedgerEntry::failure)
          .contains(Optional.of("channel_not_found"));
      assertThat(h.slack.calls() - callsAfterRefusal).as("only C-ALL's two replies and one edit").isEqualTo(3);
      assertThat(h.slack.posts(ALL)).hasSize(3);
      logger.detachAppender(logs);
      assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.WARN).singleElement()
          .extracting(ILoggingEvent::getFormattedMessage).asString()
          .contains("slack:C-GONE refused incident/B for good (channel_not_found)");
    }
  }

  @Nested
  @DisplayName("a crash between a post and its confirmation")
  class Crash {
    Harness crashedAfterPosting(boolean portFindsPosts) {
      Harness h = new Harness().subscribe(ALL);
      h.slack.canFindPosts(portFindsPosts);
      CrashingStore crashing = new CrashingStore(h.store, ALL, "incident/B");
      IncidentWatcher doomed = h.newWatcher("replica-doomed", crashing);
      doomed.tick();
      h.page.show(b(B1));
      h.clock.advance(POLL);
      doomed.tick(); // posts, then the confirmation fails as if the process died
      assertThat(h.slack.posts()).hasSize(1);
      assertThat(h.store.ledger().unconfirmed()).extracting(LedgerEntry::itemKey).containsExactly("incident/B");
      h.store.leases().release(IncidentWatcher.LEASE, "replica-doomed");
      h.restart();
      return h;
    }

    @Test
    @DisplayName("A port that finds its earlier post lets the restart record it: posted once")
    void foundOnRestart() {
      Harness h = crashedAfterPosting(true);
      h.page.show(b(B1, B2));

      h.runFor(Duration.ofMinutes(2));

      assertThat(h.slack.topLevel(ALL)).hasSize(1);
      String root = h.slack.topLevel(ALL).get(0).messageId();
      assertThat(h.store.ledger().find(ALL, "incident/B")).flatMap(LedgerEntry::messageId).contains(root);
      assertThat(h.slack.thread(ALL, root)).hasSize(1);
    }

    @Test
    @DisplayName("A found post is edited to the incident's state now, even when the page dates its updates before the post")
    void foundPostIsEditedToTheStateNow() {
      Harness h = crashedAfterPosting(true);
      // A page whose updates are stamped before the lost post was claimed (a replay, a lagging cache):
      // the found post still shows the state it was posted with, so it must be edited.
      IncidentUpdate early = update("b4x", "B", RESOLVED, T0.plusSeconds(1), "This incident has been resolved.");
      h.page.show(b(B1, early));

      h.runFor(Duration.ofMinutes(2));

      assertThat(h.slack.topLevel(ALL)).hasSize(1);
      String root = h.slack.topLevel(ALL).get(0).messageId();
      assertThat(h.slack.edits()).anySatisfy(e -> {
        assertThat(e.message().messageId()).isEqualTo(root);
        assertThat(e.text()).contains("(major impact, resolved)");
      });
    }

    @Test
    @DisplayName("A port that cannot look makes the restart post again: that one item twice, then never again")
    void postedAgainOnRestart() {
      Harness h = crashedAfterPosting(false);

      h.runFor(Duration.ofMinutes(2));
      h.restart();
      h.runFor(Duration.ofMinutes(2));

      assertThat(h.slack.topLevel(ALL)).hasSize(2);
      assertThat(h.store.ledger().unconfirmed()).isEmpty();
    }

    @Test
    @DisplayName("A post whose answer was lost is looked for before it is sent again: posted once, not refused")
    void answerLost() {
      Harness h = new Harness().subscribe(ALL);
      h.slack.canFindPosts(true).loseAnswerWhen(c -> c.number() == 0);
      h.tick();
      h.page.show(b(B1));

      h.runFor(Duration.ofMinutes(2));

      assertThat(h.slack.topLevel(ALL)).hasSize(1);
      assertThat(h.store.ledger().find(ALL, "incident/B")).flatMap(LedgerEntry::messageId)
          .contains(h.slack.topLevel(ALL).get(0).messageId());
    }

    @Test
    @DisplayName("A lost answer on a port that cannot look is sent again later, never dropped")
    void answerLostAndCannotLook() {
      Harness h = new Harness().subscribe(ALL);
      h.slack.loseAnswerWhen(c -> c.number() == 0);
      h.tick();
      h.page.show(b(B1));

      h.runFor(Duration.ofMinutes(2));

      assertThat(h.slack.topLevel(ALL)).hasSize(2);
      assertThat(h.store.ledger().find(ALL, "incident/B")).map(LedgerEntry::isPosted).contains(true);
    }

    @Test
    @DisplayName("A claim whose post never went out is posted on restart, once")
    void claimedButNeverPosted() {
      Harness h = new Harness().subscribe(ALL);
      h.tick();
      h.page.show(b(B1));
      h.store.ledger().claim(ALL, "incident/B", "B", h.clock.instant());
      h.watcher.close();
      h.restart();

      h.runFor(Duration.ofMinutes(2));

      assertThat(h.slack.topLevel(ALL)).hasSize(1);
      assertThat(h.store.ledger().find(ALL, "incident/B")).map(LedgerEntry::isPosted).contains(true);
    }
  }
}
