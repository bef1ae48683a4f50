package dev.claude500.store;

import dev.claude500.chat.ConversationKey;
import dev.claude500.triage.TriageOutcome;
import dev.claude500.triage.TriageRecord;
import dev.claude500.triage.TriageRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Triage records in table {@code triage_record}, one row per thread. */
final class JdbcTriageRecords implements TriageRecords {
  private static final String COLUMNS = "platform, channel_id, thread_id, workspace, started_by, started_at,"
      + " conv_version, branch, verdict, outcome, first_move_at, ended_at, escalated, incident_id";
  private static final String KEY = "platform = ? AND channel_id = ? AND thread_id = ?";

  private final Jdbc jdbc;

  JdbcTriageRecords(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Replaces the row when {@code r} is a later version of the same triage or a later triage on the
   * thread, keeping a known workspace {@code r} does not name; else only names the workspace of a
   * row of the same triage kept without one; inserts when there is no row.
   */
  @Override
  public void save(TriageRecord r) {
    Objects.requireNonNull(r, "record");
    ConversationKey k = r.key();
    String workspace = r.workspaceKnown() ? r.workspace() : null;
    jdbc.inTransaction("saving the record of triage " + k, c -> {
      int updated = Jdbc.update(c, "UPDATE triage_record SET workspace = COALESCE(?, workspace), started_by = ?,"
              + " started_at = ?, conv_version = ?, branch = ?, verdict = ?, outcome = ?, first_move_at = ?,"
              + " ended_at = ?, escalated = ?, incident_id = ? WHERE " + KEY
              + " AND (started_at < ? OR (started_at = ? AND conv_version < ?))",
          workspace, r.startedBy(), r.startedAt(), r.version(), r.branch().orElse(null),
          r.verdict().orElse(null), r.outcome().map(Enum::name).orElse(null), Jdbc.instantOrNull(r.firstMoveAt()),
          Jdbc.instantOrNull(r.endedAt()), r.escalated(), r.incidentId().orElse(null), k.platform(), k.channel(),
          k.thread(), r.startedAt(), r.startedAt(), r.version());
      if (updated > 0) {
        return null;
      }
      if (workspace != null) {
        updated = Jdbc.update(c, "UPDATE triage_record SET workspace = ? WHERE " + KEY + " AND workspace = ?"
            + " AND started_at = ?", workspace, k.platform(), k.channel(), k.thread(), TriageRecord.WORKSPACE_UNKNOWN,
            r.startedAt());
      }
      if (updated == 0 && Jdbc.query(c, "SELECT conv_version FROM triage_record WHERE " + KEY,
          rs -> rs.getLong(1), k.platform(), k.channel(), k.thread()).isEmpty()) {
        // a concurrent first save makes this fail on the key; the transaction is then retried
        Jdbc.update(c, "INSERT INTO triage_record (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            k.platform(), k.channel(), k.thread(), r.workspace(), r.startedBy(), r.startedAt(), r.version(),
            r.branch().orElse(null), r.verdict().orElse(null), r.outcome().map(Enum::name).orElse(null),
            Jdbc.instantOrNull(r.firstMoveAt()), Jdbc.instantOrNull(r.endedAt()), r.escalated(), r.incidentId().orElse(null));
      }
      return null;
    });
  }

  @Override
  public List<TriageRecord> startedBetween(String workspace, Instant from, Instant to) {
    Objects.requireNonNull(workspace, "workspace");
    if (to.isBefore(Objects.requireNonNull(from, "from"))) {
      throw new IllegalArgumentException("to is before from: " + to + " < " + from);
    }
    if (workspace.equals(TriageRecord.WORKSPACE_UNKNOWN)) {
      return List.of();
    }
    return jdbc.query("listing the triage records of " + workspace,
        "SELECT " + COLUMNS + " FROM triage_record WHERE workspace = ? AND started_at >= ? AND started_at < ?"
            + " ORDER BY started_at, platform, channel_id, thread_id",
        JdbcTriageRecords::read, workspace, from, to);
  }

  @Override
  public List<TriageRecord> openBy(String workspace, String userId, int limit) {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(userId, "userId");
    Checks.requireLimit(limit);
    if (workspace.equals(TriageRecord.WORKSPACE_UNKNOWN)) {
      return List.of();
    }
    return jdbc.query("listing the open triages of " + userId,
        "SELECT " + COLUMNS + " FROM triage_record WHERE workspace = ? AND started_by = ? AND ended_at IS NULL"
            + " ORDER BY started_at DESC, platform, channel_id, thread_id FETCH FIRST ? ROWS ONLY",
        JdbcTriageRecords::read, workspace, userId, limit);
  }

  @Override
  public int purgeStartedBefore(Instant cutoff, int limit) {
    Objects.requireNonNull(cutoff, "cutoff");
    Checks.requireLimit(limit);
    if (limit == 0) {
      return 0;
    }
    return jdbc.deleteSelected("purging triage records",
        "SELECT platform, channel_id, thread_id FROM triage_record WHERE started_at < ?"
            + " ORDER BY started_at, platform, channel_id, thread_id FETCH FIRST ? ROWS ONLY",
        new Object[] {cutoff, limit}, 3, "DELETE FROM triage_record WHERE " + KEY + " AND started_at < ?", cutoff);
  }

  private static TriageRecord read(ResultSet rs) throws SQLException {
    return new TriageRecord(rs.getString("workspace"),
        new ConversationKey(rs.getString("platform"), rs.getString("channel_id"), rs.getString("thread_id")),
        rs.getString("started_by"), Jdbc.instant(rs, "started_at"), rs.getLong("conv_version"),
        Optional.ofNullable(rs.getString("branch")), Optional.ofNullable(rs.getString("verdict")),
        Optional.ofNullable(rs.getString("outcome")).flatMap(JdbcTriageRecords::outcome),
        Jdbc.optionalInstant(rs, "first_move_at"), Jdbc.optionalInstant(rs, "ended_at"),
        rs.getBoolean("escalated"), Optional.ofNullable(rs.getString("incident_id")));
  }

  /** Reads a stored outcome; one this version does not know (written by a newer one) reads as none. */
  private static Optional<TriageOutcome> outcome(String name) {
    try {
      return Optional.of(TriageOutcome.valueOf(name));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
