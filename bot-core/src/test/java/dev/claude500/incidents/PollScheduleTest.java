package dev.claude500.incidents;

import static dev.claude500.incidents.Harness.ALL;
import static dev.claude500.incidents.Harness.POLL;
import static dev.claude500.incidents.IncidentWatcherTest.B1;
import static dev.claude500.incidents.IncidentWatcherTest.B4;
import static dev.claude500.incidents.IncidentWatcherTest.b;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.status.CachingStatusSource;
import dev.claude500.status.StatusPoller;
import dev.claude500.testing.Watchers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class PollScheduleTest {
  final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  final Logger logger = (Logger) LoggerFactory.getLogger("dev.claude500.status.PollSchedule");

  @BeforeEach
  void captureLogs() {
    logs.start();
    logger.addAppender(logs);
  }

  @AfterEach
  void releaseLogs() {
    logger.detachAppender(logs);
  }

  List<String> logged(Level level) {
    List<ILoggingEvent> events;
    synchronized (logs) { // the appender adds under this lock
      events = List.copyOf(logs.list);
    }
    return events.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Test
  @DisplayName("The page is read every interval, twice as often while an incident is open")
  void cadence() {
    Harness h = new Harness().subscribe(ALL);
    assertThat(h.tick()).isEqualTo(POLL);
    h.page.show(b(B1));
    assertThat(h.tickAfter(POLL)).isEqualTo(POLL.dividedBy(2));
    assertThat(h.tickAfter(POLL.dividedBy(2))).isEqualTo(POLL.dividedBy(2));
    h.clock.set(B4.shownAt());
    h.page.show(b(B1, B4));
    assertThat(h.tick()).isEqualTo(POLL);
    int reads = h.page.reads();
    assertThat(h.tickAfter(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(20));
    assertThat(h.page.reads()).as("not due yet: the round only renews the lease").isEqualTo(reads);
  }

  @Test
  @DisplayName("While the page fails, reads back off up to five minutes; it is logged once, and once when it answers")
  void backoffLoggedOnce() {
    Harness h = new Harness().subscribe(ALL);
    h.tick();
    h.page.fail("HTTP 503");
    List<Duration> waits = new ArrayList<>();
    Duration next = h.tickAfter(POLL);
    for (int i = 0; i < 6; i++) {
      Instant before = h.clock.instant();
      Instant readAt = before;
      int reads = h.page.reads();
      while (h.page.reads() == reads) {
        h.clock.advance(next);
        next = h.tick();
        readAt = h.clock.instant();
      }
      waits.add(Duration.between(before, readAt));
    }
    h.page.recover();
    h.runFor(Duration.ofMinutes(10));

    assertThat(waits).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120),
        Duration.ofSeconds(240), Duration.ofSeconds(300), Duration.ofSeconds(300));
    assertThat(logged(Level.WARN)).singleElement().asString().contains("cannot read the status page (HTTP 503)");
    assertThat(logged(Level.INFO)).singleElement().asString().contains("answers again, after 7 failed reads");
  }

  @Test
  @DisplayName("An interval below 10 s is allowed down to 1 s, with one warning in the log at start")
  void shortIntervalsWarn() throws Exception {
    Logger pollerLog = (Logger) LoggerFactory.getLogger(StatusPoller.class);
    ListAppender<ILoggingEvent> started = new ListAppender<>();
    started.start();
    pollerLog.addAppender(started);
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    Harness h = new Harness().subscribe(ALL);
    try {
      for (Duration interval : List.of(POLL, Duration.ofSeconds(1))) {
        StatusPoller poller = new StatusPoller(h.source, new CachingStatusSource(h.source, interval,
            Duration.ofSeconds(1), h.clock, Runnable::run), h.clock, interval, () -> 0.0);
        poller.start(scheduler);
        poller.close();
      }
    } finally {
      scheduler.shutdownNow();
      assertThat(scheduler.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
      pollerLog.detachAppender(started);
    }
    assertThat(started.list).filteredOn(e -> e.getLevel() == Level.WARN).singleElement()
        .extracting(ILoggingEvent::getFormattedMessage).asString()
        .contains("polled every 1 s").contains("below 10 s only a test page gains");

    Harness fast = new Harness().subscribe(ALL);
    IncidentWatcher w = Watchers.reading(fast.source, fast.store, fast.ports, fast.engine, fast.clock,
        Duration.ofSeconds(1), "fast", () -> 0.0, IncidentWatcher.DEFAULT_RETENTION, BotMetrics.none());
    assertThat(w.tick()).isEqualTo(Duration.ofSeconds(1));
    fast.page.show(b(B1));
    fast.clock.advance(Duration.ofSeconds(1));
    assertThat(w.tick()).as("half the interval while an incident is open").isEqualTo(Duration.ofMillis(500));
    assertThat(fast.slack.topLevel(ALL)).hasSize(1);
  }
}
