package dev.claude500.store;

import dev.claude500.chat.ConversationKey;
import dev.claude500.incidents.WaitingTriage;
import dev.claude500.incidents.WaitingTriages;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** Waiting triages in table {@code waiting_triage}, one row per thread. */
final class JdbcWaitingTriages implements WaitingTriages {
  private static final String COLUMNS = "platform, channel_id, thread_id, incident_id, since";
  private static final String KEY = "platform = ? AND channel_id = ? AND thread_id = ?";

  private final Jdbc jdbc;

  JdbcWaitingTriages(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void register(ConversationKey key, Optional<String> incidentId, Instant now) {
    Objects.requireNonNull(key, "key");
    Checks.requireNonBlankIfPresent(incidentId, "incidentId");
    Objects.requireNonNull(now, "now");
    String incident = incidentId.orElse(null);
    jdbc.inTransaction(
        "registering waiting triage " + key,
        c -> {
          int updated =
              Jdbc.update(
                  c,
                  "UPDATE waiting_triage SET incident_id = ?, since = ? WHERE " + KEY,
                  incident,
                  now,
                  key.platform(),
                  key.channel(),
                  key.thread());
          if (updated == 0) {
            // a concurrent first registration makes this fail on the key; then it is retried
            Jdbc.update(
                c,
                "INSERT INTO waiting_triage (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
                key.platform(),
                key.channel(),
                key.thread(),
                incident,
                now);
          }
          return null;
        });
  }

  @Override
  public boolean remove(ConversationKey key) {
    Objects.requireNonNull(key, "key");
    return jdbc.update(
            "removing waiting triage " + key,
            "DELETE FROM waiting_triage WHERE " + KEY,
            key.platform(),
            key.channel(),
            key.thread())
        == 1;
  }

  @Override
  public Optional<WaitingTriage> find(ConversationKey key) {
    Objects.requireNonNull(key, "key");
    return jdbc.queryOne(
        "finding waiting triage " + key,
        "SELECT " + COLUMNS + " FROM waiting_triage WHERE " + KEY,
        JdbcWaitingTriages::read,
        key.platform(),
        key.channel(),
        key.thread());
  }

  @Override
  public List<WaitingTriage> all() {
    return jdbc
        .query(
            "listing waiting triages",
            "SELECT " + COLUMNS + " FROM waiting_triage",
            JdbcWaitingTriages::read)
        .stream()
        .sorted(Orderings.WAITING)
        .collect(Collectors.toUnmodifiableList());
  }

  private static WaitingTriage read(ResultSet rs) throws SQLException {
    return new WaitingTriage(
        new ConversationKey(
            rs.getString("platform"), rs.getString("channel_id"), rs.getString("thread_id")),
        Optional.ofNullable(rs.getString("incident_id")),
        Jdbc.instant(rs, "since"));
  }
}
