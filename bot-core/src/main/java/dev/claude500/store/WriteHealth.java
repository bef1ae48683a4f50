package dev.claude500.store;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a store can write, as the outcomes of its real writes and of its write checks say: the
 * state a readiness check reads, so that a probe costs no database call.
 *
 * <p>Each outcome carries the time its operation started, and an outcome older than the one already
 * recorded is ignored: a slow write that fails after a later one succeeded does not mark the store
 * faulty again. A write check that has run for longer than {@link #HUNG} without an outcome (a
 * database that stopped answering without closing the connection) counts as {@link
 * StoreFault#UNREACHABLE} until it ends. Becoming faulty and writing again are logged once each.
 * Thread-safe.
 */
final class WriteHealth {
  private static final Logger LOG = LoggerFactory.getLogger(WriteHealth.class);
  /** How long a write check may run before the store counts as unreachable. */
  static final Duration HUNG = Duration.ofSeconds(10);

  private final String store;
  private final LongSupplier nanoTime;
  private long outcomeStarted;
  private long lastWrite;
  private StoreFault fault;
  private long faultSince;
  private boolean checking;
  private long checkStarted;

  /**
   * Creates the state of a store (named in log lines) that can write, as it just did when migrated;
   * {@code nanoTime} is the ticker ({@code System::nanoTime} outside tests).
   */
  WriteHealth(String store, LongSupplier nanoTime) {
    this.store = Objects.requireNonNull(store, "store");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.outcomeStarted = nanoTime.getAsLong();
    this.lastWrite = outcomeStarted;
  }

  /** Returns the ticker's current reading, to pass back as an operation's start. */
  long now() {
    return nanoTime.getAsLong();
  }

  /** Records that a write begun at {@code started} succeeded. */
  synchronized void wrote(long started) {
    if (started - outcomeStarted < 0) {
      return;
    }
    outcomeStarted = started;
    lastWrite = nanoTime.getAsLong();
    if (fault != null) {
      LOG.info("Store at {} writes again, after {} s of {}", store,
          Duration.ofNanos(lastWrite - faultSince).toSeconds(), fault.reason());
      fault = null;
    }
  }

  /** Records that an operation begun at {@code started} met {@code newFault}; {@code detail} is logged. */
  synchronized void failed(long started, StoreFault newFault, String detail) {
    Objects.requireNonNull(newFault, "newFault");
    if (started - outcomeStarted < 0) {
      return;
    }
    outcomeStarted = started;
    if (fault != newFault) {
      LOG.warn("Store at {}: {}, until it writes again: {}", store, newFault.reason(), detail);
      if (fault == null) {
        faultSince = nanoTime.getAsLong();
      }
      fault = newFault;
    }
  }

  /** Records that a write check begins now; returns its start, to pass to its outcome. */
  synchronized long checkStarts() {
    checking = true;
    checkStarted = nanoTime.getAsLong();
    return checkStarted;
  }

  /** Records that the write check under way ended, whatever its outcome. */
  synchronized void checkEnded() {
    checking = false;
  }

  /**
   * Returns the fault the latest outcome met, or empty when it was a write that succeeded; {@link
   * StoreFault#UNREACHABLE} while a write check has run for longer than {@link #HUNG}.
   */
  synchronized Optional<StoreFault> fault() {
    if (checking && nanoTime.getAsLong() - checkStarted > HUNG.toNanos()) {
      return Optional.of(StoreFault.UNREACHABLE);
    }
    return Optional.ofNullable(fault);
  }

  /** Returns true when the latest outcome is a write that succeeded less than {@code window} ago. */
  synchronized boolean wroteWithin(Duration window) {
    return fault == null && nanoTime.getAsLong() - lastWrite < window.toNanos();
  }
}
