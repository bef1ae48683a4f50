package dev.claude500.store;

import static dev.claude500.testing.FaultDrill.FAULT;
import static dev.claude500.testing.FaultDrill.RECOVERY_BOUND;
import static dev.claude500.testing.FaultDrill.everyWriteSucceedsAndNothingWasLost;
import static dev.claude500.testing.FaultDrill.untilAWriteSucceeds;
import static dev.claude500.testing.FaultDrill.untilWriteFault;
import static dev.claude500.testing.FaultDrill.writeBefore;
import static dev.claude500.testing.FaultDrill.writesFailThroughout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.testing.DiskFaults;
import dev.claude500.testing.JdbcStores;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The disk under an open {@link JdbcStore} on an H2 file fails for ten seconds while writes go on,
 * then works again: every write meanwhile fails as a {@link StoreException} and the store says why
 * ({@link JdbcStore#writeFault()}); a few seconds after the disk is back writes succeed again, in the
 * same store, without a restart, with everything written before still there.
 *
 * <p>The faults are real, made as root: the data files made immutable with {@code chattr +i} (so
 * the database cannot write them, as on a disk remounted read-only), and a small {@code tmpfs}
 * mounted for the test and filled up. Where the machine cannot do that the tests skip, saying why;
 * under {@code CI=true} they fail instead (see {@link DiskFaults}).
 */
@DisplayName("JdbcStore on an H2 file whose disk fails for a while")
class H2DiskFaultTest {
  private JdbcStore store;

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private JdbcStore open(Path dir) {
    store = JdbcStores.open("jdbc:h2:file:" + dir.resolve("claude500"), null, null, Duration.ofMillis(500));
    writeBefore(store);
    return store;
  }

  /** Opens the store in a new directory whose files can be made immutable (else skips); returns the directory. */
  private Path openWhereFilesCanBeImmutable() {
    Path dir = Paths.get("target", "h2-readonly-" + UUID.randomUUID()).toAbsolutePath();
    DiskFaults.requireImmutableFiles(dir);
    open(dir);
    return dir;
  }

  @Test
  @DisplayName("Data files read-only for 10 s: writes fail meanwhile as read-only, and succeed again soon after")
  @SuppressWarnings("try") // the resource is the fault: held, not used
  void readOnlyFiles() throws Exception {
    Path dir = openWhereFilesCanBeImmutable();

    try (DiskFaults.Immutable files = DiskFaults.immutable(dir)) {
      int failed = writesFailThroughout(store, FAULT);
      assertThat(failed).as("writes tried during the fault").isGreaterThan(3);
      assertThat(store.writeFault()).contains(StoreFault.READ_ONLY);
    }
    Duration recovery = untilAWriteSucceeds(store);

    System.out.printf("H2 read-only files: first write %d ms after the files were writable again%n",
        recovery.toMillis());
    assertThat(recovery).isLessThan(RECOVERY_BOUND);
    assertThat(store.writeFault()).isEmpty();
    everyWriteSucceedsAndNothingWasLost(store);
  }

  @Test
  @DisplayName("A full disk (a filled tmpfs): writes fail meanwhile as disk full, and succeed again soon after space is freed")
  void fullDisk() throws Exception {
    try (DiskFaults.Tmpfs disk = DiskFaults.tmpfs(Paths.get("target").toAbsolutePath(), 16L << 20)) {
      open(disk.dir());

      disk.fill();
      int failed = writesFailThroughout(store, FAULT);
      assertThat(failed).as("writes tried during the fault").isGreaterThan(3);
      assertThat(store.writeFault()).contains(StoreFault.DISK_FULL);
      disk.free();
      Duration recovery = untilAWriteSucceeds(store);

      System.out.printf("H2 disk full: first write %d ms after space was freed%n", recovery.toMillis());
      assertThat(recovery).isLessThan(RECOVERY_BOUND);
      assertThat(store.writeFault()).isEmpty();
      everyWriteSucceedsAndNothingWasLost(store);
      store.close();
    }
  }

  @Test
  @DisplayName("With no write of its own, the store's write check finds the read-only files and their return")
  @SuppressWarnings("try") // the resource is the fault: held, not used
  void theWriteCheckAloneFindsTheFaultAndItsEnd() throws Exception {
    Path dir = openWhereFilesCanBeImmutable();

    try (DiskFaults.Immutable files = DiskFaults.immutable(dir)) {
      Duration found = untilWriteFault(store, Optional.of(StoreFault.READ_ONLY));
      System.out.printf("H2 read-only files: write check found them in %d ms%n", found.toMillis());
    }
    Duration back = untilWriteFault(store, Optional.empty());

    System.out.printf("H2 read-only files: write check found them writable %d ms after%n", back.toMillis());
    assertThat(back).isLessThan(RECOVERY_BOUND);
    everyWriteSucceedsAndNothingWasLost(store);
  }
}
