package dev.claude500.store;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.claude500.chat.ConversationKey;
import dev.claude500.testing.JdbcStores;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** An H2 file gives the space of purged rows back to the disk when the store closes. */
class H2CompactionTest {
  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(H2CompactionTest.class);
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  /** A triage's state with evidence, about the size the engine stores: pasted lines, /status, /debug output. */
  private static final String STATE = "{\"evidence\":\"" + "API Error: 500 {\\\"type\\\":\\\"api_error\\\"} ".repeat(40);

  private final Path dir = Paths.get("target", "h2-compact-" + UUID.randomUUID()).toAbsolutePath();
  private final String url = "jdbc:h2:file:" + dir.resolve("claude500");

  @AfterEach
  void deleteFiles() throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }

  private long fileSize() throws Exception {
    return Files.size(dir.resolve("claude500.mv.db"));
  }

  private static ConversationKey thread(int i) {
    return new ConversationKey("slack", "C" + (i % 10), "t" + i);
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  @DisplayName("Ninety days of triages, two thirds purged: the file does not shrink while open, and closing"
      + " the store compacts it to a fraction, keeping every row left")
  void purgedSpaceIsGivenBackAtClose() throws Exception {
    int days = 90;
    int perDay = 50;
    Instant end = T0.plus(Duration.ofDays(days));
    JdbcStore store = JdbcStores.open(url, null, null);
    try {
      fill(days * perDay, perDay);
      long filled = fileSize();
      long start = System.nanoTime();
      int purged = 0;
      for (int n = 500; n == 500; purged += n) {
        n = store.conversations().purgeClosedBefore(end.minus(Duration.ofDays(30)), 500);
      }
      for (int n = 500; n == 500; ) {
        n = store.seenDeliveries().purgeBefore(end.minus(Duration.ofDays(30)), 500);
      }
      long purging = System.nanoTime() - start;
      long afterPurge = fileSize();
      assertThat(purged).isEqualTo(60 * perDay);
      assertThat(afterPurge).as("purging alone gives nothing back").isGreaterThanOrEqualTo(filled * 9 / 10);

      start = System.nanoTime();
      store.close();
      long closing = System.nanoTime() - start;
      long compacted = fileSize();
      LOG.info("H2 file: {} KB with {} days of triages, {} KB after purging {} of {} (in {} ms), {} KB after the"
          + " store closed (in {} ms)", filled >> 10, days, afterPurge >> 10, purged, days * perDay,
          purging / 1_000_000, compacted >> 10, closing / 1_000_000);
      assertThat(compacted).as("a third of the rows is left").isLessThan(filled / 2);
    } finally {
      store.close();
    }
    try (JdbcStore reopened = JdbcStores.open(url, null, null)) {
      assertThat(reopened.conversations().find(thread(days * perDay - 1))).isPresent();
      assertThat(reopened.conversations().find(thread(0))).isEmpty();
      assertThat(reopened.conversations().purgeClosedBefore(end.minus(Duration.ofDays(30)), 500)).isZero();
    }
  }

  /** Writes the triages and their deliveries behind the store's back, in batches, as one day's worth at a time. */
  private void fill(int triages, int perDay) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement conversation = c.prepareStatement("INSERT INTO conversation (platform, channel_id,"
            + " thread_id, state, version, is_open, updated_at) VALUES (?, ?, ?, ?, 0, FALSE, ?)");
        PreparedStatement delivery = c.prepareStatement(
            "INSERT INTO seen_delivery (delivery_id, seen_at) VALUES (?, ?)")) {
      c.setAutoCommit(false);
      Random random = new Random(triages);
      for (int i = 0; i < triages; i++) {
        OffsetDateTime at = OffsetDateTime.ofInstant(T0.plusSeconds(i * 86_400L / perDay), ZoneOffset.UTC);
        ConversationKey key = thread(i);
        conversation.setString(1, key.platform());
        conversation.setString(2, key.channel());
        conversation.setString(3, key.thread());
        conversation.setString(4, STATE + requestIds(random, 30) + "\"}");
        conversation.setObject(5, at);
        conversation.addBatch();
        delivery.setString(1, "Ev" + i);
        delivery.setObject(2, at);
        delivery.addBatch();
        if (i % perDay == perDay - 1) {
          conversation.executeBatch();
          delivery.executeBatch();
          c.commit();
        }
      }
      conversation.executeBatch();
      delivery.executeBatch();
      c.commit();
    }
  }

  /** Returns request ids as people paste them: random, so the file's compression does not flatter it. */
  private static String requestIds(Random random, int count) {
    StringBuilder ids = new StringBuilder();
    for (int i = 0; i < count; i++) {
      ids.append(" req_011C").append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36));
    }
    return ids.toString();
  }

  @Test
  @DisplayName("A file mostly in use is closed as it is, without a rewrite")
  void aFullFileIsLeftAlone() throws Exception {
    JdbcStore created = JdbcStores.open(url, null, null);
    try {
      fill(500, 500);
    } finally {
      created.close();
    }
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    Logger compaction = (Logger) LoggerFactory.getLogger(H2Compaction.class);
    compaction.addAppender(log);
    try {
      long before = fileSize();
      try (JdbcStore store = JdbcStores.open(url, null, null)) {
        assertThat(store.conversations().find(thread(499))).isPresent();
      }
      assertThat(log.list).isEmpty();
      assertThat(fileSize()).isGreaterThan(before / 2);
    } finally {
      compaction.detachAppender(log);
    }
  }
}
