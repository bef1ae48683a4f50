package dev.claude500.store;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives an H2 file's free space back to the disk when the store closes.
 *
 * <p>H2 (MVStore) reuses the space of deleted rows for new writes, so a store whose rows are purged
 * stops growing, but its file shrinks only when the database closes: with {@code WRITE_DELAY=0}
 * (which the store sets) no background thread compacts while it runs, and a plain close compacts
 * for at most {@code MAX_COMPACT_TIME} (200 ms), which leaves most of a large file. So once the
 * pool is closed, this opens the file again and, when at least half of it (and 1 MB) is free, runs
 * {@code SHUTDOWN COMPACT}: H2 writes the live data to a new file and swaps it in atomically, so a process
 * killed meanwhile keeps the old file, whole. Its time follows the live data, not the file: a
 * second or two for tens of MB. With more than {@link #MAX_LIVE_BYTES} live it is skipped (a stop
 * has about 25 s) and logged.
 */
final class H2Compaction {
  /** The most live data a stop compacts. */
  static final long MAX_LIVE_BYTES = 128L << 20;
  /** The least free space worth a rewrite. */
  static final long MIN_FREE_BYTES = 1L << 20;

  private static final Logger LOG = LoggerFactory.getLogger(H2Compaction.class);

  private H2Compaction() {}

  /** Compacts the closed store's file when that gives back at least half of it and 1 MB; never throws. */
  static void compactIfWorthIt(DatabaseUrl url, Properties properties) {
    try {
      Driver driver = DriverManager.getDriver(url.value());
      try (Connection c = driver.connect(url.value(), properties);
          Statement s = c.createStatement()) {
        if (otherSessions(s)) {
          return; // another part of this process still uses the database: leave it open
        }
        Map<String, Long> info = info(s);
        long size = info.getOrDefault("info.FILE_SIZE", 0L);
        long live = size * info.getOrDefault("info.FILL_RATE", 100L) / 100
            * info.getOrDefault("info.CHUNKS_FILL_RATE", 100L) / 100;
        if (live * 2 > size || size - live < MIN_FREE_BYTES) {
          return;
        }
        if (live > MAX_LIVE_BYTES) {
          LOG.info("The store's H2 file is {} MB with {} MB live: too much to compact while stopping; stop the bot"
              + " and run SHUTDOWN COMPACT on it with H2's Shell to give the space back", mb(size), mb(live));
          return;
        }
        long start = System.nanoTime();
        s.execute("SHUTDOWN COMPACT");
        LOG.info("Compacted the store's H2 file at {} ({} MB, about {} MB live) in {} ms", url, mb(size), mb(live),
            (System.nanoTime() - start) / 1_000_000);
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warn("Could not compact the store's H2 file at {}: {}", url, Jdbc.oneLine(e.getMessage()));
    }
  }

  private static boolean otherSessions(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
      return rs.next() && rs.getLong(1) > 1;
    }
  }

  /** Reads H2's numeric {@code info.*} settings: the file's size and how full it is. */
  private static Map<String, Long> info(Statement s) throws SQLException {
    Map<String, Long> info = new HashMap<>();
    try (ResultSet rs = s.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
        + " WHERE SETTING_NAME IN ('info.FILE_SIZE', 'info.FILL_RATE', 'info.CHUNKS_FILL_RATE')")) {
      while (rs.next()) {
        info.put(rs.getString(1), Long.parseLong(rs.getString(2).strip()));
      }
    }
    return info;
  }

  private static long mb(long bytes) {
    return (bytes + (1 << 19)) >> 20;
  }
}
