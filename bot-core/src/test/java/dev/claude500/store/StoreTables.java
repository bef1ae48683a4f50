package dev.claude500.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Empties and inspects the store's tables behind a {@link JdbcStore}'s back, for tests. */
final class StoreTables {
  /** Children before parents. */
  private static final List<String> TABLES =
      List.of(
          "subscription_component",
          "subscription",
          "conversation",
          "post_ledger",
          "seen_delivery",
          "lease",
          "watcher_state",
          "waiting_triage",
          "autodetect_channel",
          "autodetect_offer",
          "outbox",
          "early_signal",
          "early_warning_item",
          "early_warning",
          "incident_hit",
          "triage_record");

  private StoreTables() {}

  static void clear(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String table : TABLES) {
        s.executeUpdate("DELETE FROM " + table);
      }
    }
  }

  /** Returns the successful versions in Flyway's history table, in order of installation. */
  static List<String> appliedVersions(Connection c) throws SQLException {
    List<String> versions = new ArrayList<>();
    try (Statement s = c.createStatement();
        var rs =
            s.executeQuery(
                "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE"
                    + " AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
      while (rs.next()) {
        versions.add(rs.getString(1));
      }
    }
    return versions;
  }
}
