package dev.claude500.store;

import dev.claude500.metrics.BotMetrics;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The little JDBC the store needs: borrow a connection, bind, map rows, and turn every {@link
 * SQLException} into a {@link StoreException} that says what was being done.
 *
 * <p>Instants are bound as UTC {@link OffsetDateTime}s truncated to the microsecond, the precision
 * of {@code TIMESTAMP WITH TIME ZONE} on both H2 and PostgreSQL. Every operation is timed on the
 * store-latency timer of its kind (read, write, transaction), the wait for a connection included.
 *
 * <p>Every write's outcome goes to the store's {@link WriteHealth}: a write that succeeded, or a
 * {@link StoreFault} that any operation met (see {@link Faults}). A fault also runs the {@code
 * evict} action (the store empties its pool): a database that went away for a moment broke every
 * pooled connection, not only the one that failed, and an H2 file that failed to write closed its
 * database under all of them; the pool would otherwise hand them out again once the fault is over
 * (it cannot tell H2's broken connections from sound ones by the error).
 */
final class Jdbc {
  /** Work done on a borrowed connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Maps the current row. */
  @FunctionalInterface
  interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /** Bound as a null timestamp; a plain null binds as null text. */
  private static final Object NO_INSTANT = new Object();
  private static final String UNIQUE_VIOLATION = "23505";
  private static final int TRANSACTION_ATTEMPTS = 5;

  private final DataSource dataSource;
  private final Timer reads;
  private final Timer writes;
  private final Timer transactions;
  private final WriteHealth health;
  private final Runnable evict;

  Jdbc(DataSource dataSource, BotMetrics metrics, WriteHealth health, Runnable evict) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.reads = metrics.storeTimer("read");
    this.writes = metrics.storeTimer("write");
    this.transactions = metrics.storeTimer("transaction");
    this.health = Objects.requireNonNull(health, "health");
    this.evict = Objects.requireNonNull(evict, "evict");
  }

  /** Runs {@code work} on one connection in autocommit mode, timed on {@code timer}. */
  private <T> T withConnection(Timer timer, String what, Work<T> work) {
    return BotMetrics.timed(timer, () -> {
      long started = health.now();
      try (Connection c = dataSource.getConnection()) {
        T result = work.run(c);
        if (timer == writes) { // a read that succeeds says nothing of writing
          health.wrote(started);
        }
        return result;
      } catch (SQLException e) {
        throw failure(what, e, started);
      }
    });
  }

  /**
   * Runs {@code work} in one transaction, retrying it from the start when it lost a race on a
   * primary key (two writers inserting the same new row) — the loser then sees the winner's row.
   */
  <T> T inTransaction(String what, Work<T> work) {
    return BotMetrics.timed(transactions, () -> retryingTransaction(what, work));
  }

  private <T> T retryingTransaction(String what, Work<T> work) {
    long started = health.now();
    for (int attempt = 1; ; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        try {
          T result = work.run(c);
          c.commit();
          health.wrote(started); // every transaction of the store writes
          return result;
        } catch (SQLException | RuntimeException e) {
          c.rollback(); // the pool restores autocommit when the connection goes back
          throw e;
        }
      } catch (SQLException e) {
        if (!isUniqueViolation(e) || attempt == TRANSACTION_ATTEMPTS) {
          throw failure(what, e, started);
        }
      }
    }
  }

  /** Runs an insert, update or delete; returns the row count. */
  int update(String what, String sql, Object... params) {
    return withConnection(writes, what, c -> update(c, sql, params));
  }

  /** Inserts a row; returns false, writing nothing, when its primary key is already taken. */
  boolean insertIfAbsent(String what, String sql, Object... params) {
    return withConnection(
        writes,
        what,
        c -> {
          try {
            return update(c, sql, params) == 1;
          } catch (SQLException e) {
            if (isUniqueViolation(e)) {
              return false;
            }
            throw e;
          }
        });
  }

  /**
   * Deletes a batch in one short transaction: selects keys with {@code selectKeys} (its first
   * {@code keyColumns} columns, text), then deletes each with {@code deleteByKey}, whose parameters
   * are a key's values followed by {@code recheck}, so that a row changed since it was selected is
   * skipped. Deleting by key keeps each statement cheap on any database, however large the table.
   *
   * @return how many rows were deleted
   */
  int deleteSelected(String what, String selectKeys, Object[] selectParams, int keyColumns, String deleteByKey,
      Object... recheck) {
    return inTransaction(what, c -> {
      List<Object[]> keys = query(c, selectKeys, rs -> {
        Object[] params = new Object[keyColumns + recheck.length];
        for (int i = 0; i < keyColumns; i++) {
          params[i] = rs.getString(i + 1);
        }
        System.arraycopy(recheck, 0, params, keyColumns, recheck.length);
        return params;
      }, selectParams);
      if (keys.isEmpty()) {
        return 0;
      }
      try (PreparedStatement ps = c.prepareStatement(deleteByKey)) {
        for (Object[] params : keys) {
          bind(ps, params);
          ps.addBatch();
        }
        int deleted = 0;
        for (int n : ps.executeBatch()) {
          deleted += n == Statement.SUCCESS_NO_INFO ? 1 : Math.max(n, 0);
        }
        return deleted;
      }
    });
  }

  /** Runs a query; returns every row mapped. */
  <T> List<T> query(String what, String sql, Row<T> row, Object... params) {
    return withConnection(reads, what, c -> query(c, sql, row, params));
  }

  /** Runs a query expected to match at most one row. */
  <T> Optional<T> queryOne(String what, String sql, Row<T> row, Object... params) {
    return query(what, sql, row, params).stream().findFirst();
  }

  static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      return ps.executeUpdate();
    }
  }

  static <T> List<T> query(Connection c, String sql, Row<T> row, Object... params)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(row.map(rs));
        }
        return rows;
      }
    }
  }

  static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      if (p == null) {
        ps.setNull(i + 1, Types.VARCHAR); // nullable text; nullable timestamps use instantOrNull
      } else if (p == NO_INSTANT) {
        ps.setNull(i + 1, Types.TIMESTAMP_WITH_TIMEZONE);
      } else if (p instanceof Instant) {
        ps.setObject(i + 1, OffsetDateTime.ofInstant(Micros.truncate((Instant) p), ZoneOffset.UTC));
      } else if (p instanceof String) {
        ps.setString(i + 1, (String) p);
      } else if (p instanceof Long) {
        ps.setLong(i + 1, (Long) p);
      } else if (p instanceof Integer) {
        ps.setInt(i + 1, (Integer) p);
      } else if (p instanceof Boolean) {
        ps.setBoolean(i + 1, (Boolean) p);
      } else {
        throw new IllegalArgumentException("cannot bind parameter " + (i + 1) + ": " + p);
      }
    }
  }

  /** Returns a parameter that binds the instant, or a null timestamp when there is none. */
  static Object instantOrNull(Optional<Instant> instant) {
    return instant.isPresent() ? instant.get() : NO_INSTANT;
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    return optionalInstant(rs, column)
        .orElseThrow(() -> new SQLException("column " + column + " is unexpectedly null"));
  }

  static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class))
        .map(OffsetDateTime::toInstant);
  }

  static boolean isUniqueViolation(SQLException e) {
    return UNIQUE_VIOLATION.equals(e.getSQLState());
  }

  /**
   * Writes one row, to learn whether the store can write when nothing else wrote for a while; the
   * outcome goes to the write health like any write's. Waits at most the pool's connection wait and
   * {@code timeoutSeconds} for the statement. Throws {@link StoreException} when it failed.
   */
  void checkWrite(int timeoutSeconds) {
    long started = health.checkStarts();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "UPDATE write_check SET checked_at = CURRENT_TIMESTAMP WHERE check_id = 1")) {
      ps.setQueryTimeout(timeoutSeconds);
      ps.executeUpdate();
      health.wrote(started);
    } catch (SQLException e) {
      throw failure("checking that the store can write", e, started);
    } finally {
      health.checkEnded();
    }
  }

  private StoreException failure(String what, SQLException e, long started) {
    Faults.of(e).ifPresent(fault -> {
      health.failed(started, fault, detail(e));
      evict.run();
    });
    return new StoreException(what + " failed: " + oneLine(e.getMessage()), e);
  }

  /** Returns the failure's message, and its first cause's when that says more (as a pool's time-out does). */
  private static String detail(SQLException e) {
    Throwable cause = e.getCause();
    return oneLine(e.getMessage())
        + (cause == null || cause.getMessage() == null ? "" : " (" + oneLine(cause.getMessage()) + ")");
  }

  /** Folds a driver's multi-line message into one line. */
  static String oneLine(String message) {
    return message == null ? "(no message)" : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
