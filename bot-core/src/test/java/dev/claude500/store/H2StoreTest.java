package dev.claude500.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claude500.chat.ChannelRef;
import dev.claude500.commands.Filters;
import dev.claude500.commands.Subscription;
import dev.claude500.testing.JdbcStores;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("JdbcStore on H2")
class H2StoreTest extends StoreContract {
  private static final String URL = "jdbc:h2:mem:store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  private static JdbcStore shared;

  @BeforeAll
  static void openShared() {
    shared = JdbcStores.open(URL, null, null);
  }

  @AfterAll
  static void closeShared() throws SQLException {
    shared.close();
    try (Connection c = DriverManager.getConnection(URL);
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    }
  }

  @Override
  Store emptyStore() {
    try (Connection c = DriverManager.getConnection(URL)) {
      StoreTables.clear(c);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return shared;
  }

  @Test
  @DisplayName("An H2 file keeps everything across close and reopen, and is migrated once")
  void fileSurvivesReopen() throws Exception {
    Path dir = Paths.get("target", "h2-store-" + UUID.randomUUID()).toAbsolutePath();
    String url = "jdbc:h2:file:" + dir.resolve("claude500");
    Subscription subscription = new Subscription(SLACK_OPS, Set.of("cc1"), "U1", T0, Filters.DEFAULT);

    try (JdbcStore first = JdbcStores.open(url, "", "")) {
      first.subscriptions().save(subscription);
      first.ledger().claim(SLACK_OPS, "incident/abc", "abc", T0);
      first.conversations().create(conversation("1.001", 0, true, T0));
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isNotEmpty();
    }

    try (JdbcStore second = JdbcStores.open(url, null, null)) {
      assertThat(second.subscriptions().all()).containsExactly(subscription);
      assertThat(second.ledger().claim(SLACK_OPS, "incident/abc", "abc", T0)).isFalse();
      assertThat(second.conversations().find(thread("1.001"))).isPresent();
    }
    try (Connection c = DriverManager.getConnection(url)) {
      assertThat(StoreTables.appliedVersions(c)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }

  @Test
  @DisplayName("An H2 file writes each commit through at once, so a killed process loses no claim it made")
  void fileWritesCommitsThrough() throws Exception {
    Path dir = Paths.get("target", "h2-delay-" + UUID.randomUUID()).toAbsolutePath();
    String url = "jdbc:h2:file:" + dir.resolve("claude500");
    try (JdbcStore store = JdbcStores.open(url, null, null);
        Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery(
            "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
      assertThat(store.isReachable()).isTrue();
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("0");
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }

  @Test
  @DisplayName(
      "A closed store is unreachable, closes again quietly, and fails calls as StoreException")
  void closed() {
    JdbcStore store = JdbcStores.open("jdbc:h2:mem:closed-" + UUID.randomUUID(), null, null);
    assertThat(store.isReachable()).isTrue();

    store.close();
    store.close();

    assertThat(store.isReachable()).isFalse();
    assertThatThrownBy(() -> store.ledger().isEmpty())
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("checking whether the ledger is empty failed: ");
    Subscription any = new Subscription(new ChannelRef("slack", "C"), Set.of(), "U", T0, Filters.DEFAULT);
    assertThatThrownBy(() -> store.subscriptions().save(any)).isInstanceOf(StoreException.class);
  }
}
