package dev.claude500.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;
import org.h2.mvstore.MVStoreException;

/**
 * Tells a failure the store recovers from by itself (a {@link StoreFault}) from any other, by its
 * SQL states, H2 error codes and causes, on H2 and PostgreSQL alike. A fault says more than "retry":
 * the connection that met it, and the others in the pool, may be useless now (broken, or bound to a
 * database that went read-only), so the store empties its pool when it meets one.
 */
final class Faults {
  /** SQL states that say writing is refused: PostgreSQL's read_only_sql_transaction, H2's read-only database. */
  private static final Set<String> READ_ONLY = Set.of("25006", "90097");
  /** PostgreSQL's disk_full, H2's "no space available on disk". */
  private static final Set<String> DISK_FULL = Set.of("53100", "90100");
  /** H2's file I/O errors, PostgreSQL's io_error class. */
  private static final Set<String> WRITE_FAILED = Set.of("90028", "90031", "58030");
  /**
   * SQL state class 08 is "connection exception"; these are H2's own for a connection or database
   * gone (closed, or already open elsewhere after a crash of its files) and PostgreSQL's for a server
   * shutting down or starting up.
   */
  private static final Set<String> UNREACHABLE = Set.of("90067", "90098", "90121", "90007", "90020",
      "57P01", "57P02", "57P03");

  private Faults() {}

  /** Returns the fault {@code e} says the store met, or empty when it is no fault (a bug, a bad value). */
  static Optional<StoreFault> of(SQLException e) {
    StoreFault storage = null;
    boolean lost = false;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      StoreFault here = storage(t);
      if (here != null && (storage == null || storage == StoreFault.WRITE_FAILED)) {
        storage = here; // the most specific cause wins: a full disk beneath "writing failed"
      }
      lost |= t instanceof SQLTransientConnectionException
          || t instanceof SQLException s && s.getSQLState() != null
              && (s.getSQLState().startsWith("08") || UNREACHABLE.contains(s.getSQLState()));
    }
    return Optional.ofNullable(storage != null ? storage : lost ? StoreFault.UNREACHABLE : null);
  }

  /** Returns what {@code t} alone says of the storage, or null. */
  private static StoreFault storage(Throwable t) {
    if (t instanceof SQLException s && s.getSQLState() != null) {
      String state = s.getSQLState();
      return READ_ONLY.contains(state) ? StoreFault.READ_ONLY
          : DISK_FULL.contains(state) ? StoreFault.DISK_FULL
          : WRITE_FAILED.contains(state) ? StoreFault.WRITE_FAILED
          : null;
    }
    if (t instanceof AccessDeniedException) {
      return StoreFault.READ_ONLY;
    }
    if (t instanceof IOException) { // the operating system's words (errno ENOSPC, EROFS, EPERM)
      String message = String.valueOf(t.getMessage());
      return message.contains("No space left on device") ? StoreFault.DISK_FULL
          : message.contains("Read-only file system") || message.contains("Operation not permitted")
              ? StoreFault.READ_ONLY
          : null;
    }
    // H2's storage engine failed to read or write its file (its message names the file, not why)
    return t instanceof MVStoreException ? StoreFault.WRITE_FAILED : null;
  }
}
