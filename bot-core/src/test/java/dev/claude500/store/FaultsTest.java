package dev.claude500.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketException;
import java.nio.file.AccessDeniedException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.h2.mvstore.MVStoreException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

@DisplayName("Faults tells the failures a store recovers from by themselves from any other")
class FaultsTest {
  private static Optional<StoreFault> of(String state) {
    return Faults.of(new SQLException("failed", state));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
      "25006, READ_ONLY", // PostgreSQL read_only_sql_transaction
      "90097, READ_ONLY", // H2 database is read only
      "53100, DISK_FULL", // PostgreSQL disk_full
      "90100, DISK_FULL", // H2 no space available on disk
      "58030, WRITE_FAILED", // PostgreSQL io_error
      "90028, WRITE_FAILED", // H2 IO exception
      "08006, UNREACHABLE", // connection failure
      "08001, UNREACHABLE",
      "57P01, UNREACHABLE", // PostgreSQL admin_shutdown
      "57P03, UNREACHABLE", // PostgreSQL cannot_connect_now
      "90098, UNREACHABLE", // H2 database closed
      "90020, UNREACHABLE"}) // H2 database in use
  void sqlStates(String state, StoreFault fault) {
    assertThat(of(state)).contains(fault);
  }

  @ParameterizedTest(name = "{0} is no fault")
  @CsvSource({"23505", "42P01", "22001", "40001", "HY000"})
  void otherFailuresAreNoFault(String state) {
    assertThat(of(state)).isEmpty();
    assertThat(Faults.of(new SQLException("no state"))).isEmpty();
  }

  @Test
  void theMostSpecificCauseWins() {
    IOException full = new IOException("No space left on device");
    MVStoreException writing = new MVStoreException(2, "Writing to file failed");
    writing.initCause(full);
    SQLException closed = new SQLException("The database has been closed", "90098", writing);
    assertThat(Faults.of(closed)).as("closed, because its disk is full").contains(StoreFault.DISK_FULL);

    MVStoreException plain = new MVStoreException(2, "Writing to file failed");
    assertThat(Faults.of(new SQLException("General error", "HY000", plain))).contains(StoreFault.WRITE_FAILED);
    assertThat(Faults.of(new SQLException("General error", "HY000", new IOException("Operation not permitted"))))
        .contains(StoreFault.READ_ONLY);
    assertThat(Faults.of(new SQLException("General error", "HY000", new AccessDeniedException("/data/x.mv.db"))))
        .contains(StoreFault.READ_ONLY);
  }

  @Test
  void aPoolTimingOutSaysWhyItHasNoConnection() {
    SQLException refused = new SQLException("the database can be read but not written", "25006");
    assertThat(Faults.of(new SQLTransientConnectionException("Connection is not available", "25006", refused)))
        .contains(StoreFault.READ_ONLY);
    assertThat(Faults.of(new SQLTransientConnectionException("Connection is not available")))
        .contains(StoreFault.UNREACHABLE);
  }

  @Test
  void aBrokenSocketIsALostConnectionNotADisk() {
    SQLException reset = new SQLException("An I/O error occurred", "08006", new SocketException("Connection reset"));
    assertThat(Faults.of(reset)).contains(StoreFault.UNREACHABLE);
  }
}
