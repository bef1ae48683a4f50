package dev.claude500.store;

/**
 * Why a store cannot write, as a readiness check reports it: one of a few faults that pass by
 * themselves (a database away for a moment, a disk full or read-only for a while), after which the
 * store writes again without a restart.
 */
public enum StoreFault {
  /** The database cannot be reached, or a connection to it was lost. */
  UNREACHABLE("store unreachable"),
  /** The database, or its files, can be read but not written. */
  READ_ONLY("store read-only"),
  /** The database's disk is full. */
  DISK_FULL("store disk full"),
  /** Writing failed in the database's storage for another reason (an I/O error). */
  WRITE_FAILED("store cannot write");

  private final String reason;

  StoreFault(String reason) {
    this.reason = reason;
  }

  /** Returns the fault as one short lower-case phrase, e.g. {@code store read-only}. */
  public String reason() {
    return reason;
  }
}
