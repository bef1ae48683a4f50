package dev.claude500.store;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ConversationKey;
import dev.claude500.earlywarning.EarlyWarningStore;
import dev.claude500.earlywarning.Signal;
import dev.claude500.earlywarning.Warning;
import dev.claude500.errors.ErrorKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The early warning's signals in table {@code early_signal} (one row a triage, merged under a row
 * lock) and its warnings in {@code early_warning}, where the unique {@code open_workspace} lets one
 * insert open a workspace's warning and refuses every other while it is open.
 */
final class JdbcEarlyWarnings implements EarlyWarningStore {
  private static final String SIGNAL_COLUMNS =
      "platform, channel_id, thread_id, workspace, error_kind, branch, same_path_fails, first_at, last_at";
  private static final String WARNING_COLUMNS = "id, workspace, first_at, opened_at, opened_with, closed_at,"
      + " incident_id, incident_name, incident_link";
  private static final String KEY = "platform = ? AND channel_id = ? AND thread_id = ?";

  private final Jdbc jdbc;

  JdbcEarlyWarnings(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void record(Signal signal) {
    Objects.requireNonNull(signal, "signal");
    ConversationKey k = signal.key();
    jdbc.inTransaction("recording triage " + k + " failing on a green page", c -> {
      Optional<Signal> before = Jdbc.query(c, "SELECT " + SIGNAL_COLUMNS + " FROM early_signal WHERE " + KEY
          + " FOR UPDATE", JdbcEarlyWarnings::signal, k.platform(), k.channel(), k.thread()).stream().findFirst();
      if (before.isEmpty()) {
        // a concurrent first record makes this fail on the key; the transaction is then run again
        Jdbc.update(c, "INSERT INTO early_signal (" + SIGNAL_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            k.platform(), k.channel(), k.thread(), signal.workspace(), kindName(signal), signal.branch().orElse(null),
            signal.samePathFails(), signal.firstAt(), signal.lastAt());
        return null;
      }
      Signal merged = before.get().merge(signal);
      Jdbc.update(c, "UPDATE early_signal SET error_kind = ?, branch = ?, same_path_fails = ?, last_at = ? WHERE "
          + KEY, kindName(merged), merged.branch().orElse(null), merged.samePathFails(), merged.lastAt(),
          k.platform(), k.channel(), k.thread());
      return null;
    });
  }

  @Override
  public List<Signal> signals(String workspace, Instant since) {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(since, "since");
    return jdbc.query("reading the failing triages of " + workspace, "SELECT " + SIGNAL_COLUMNS
        + " FROM early_signal WHERE workspace = ? AND last_at >= ? ORDER BY first_at, platform, channel_id, thread_id",
        JdbcEarlyWarnings::signal, workspace, since);
  }

  @Override
  public boolean open(Warning w) {
    Objects.requireNonNull(w, "warning");
    if (!w.isOpen()) {
      throw new IllegalArgumentException("warning: only an open warning can be opened");
    }
    return jdbc.insertIfAbsent("opening early warning " + w.id(), "INSERT INTO early_warning (id, workspace,"
        + " open_workspace, first_at, opened_at, opened_with) VALUES (?, ?, ?, ?, ?, ?)",
        w.id(), w.workspace(), w.workspace(), w.firstAt(), w.openedAt(), w.openedWith());
  }

  @Override
  public Optional<Warning> openIn(String workspace) {
    Objects.requireNonNull(workspace, "workspace");
    return jdbc.queryOne("reading the open early warning of " + workspace, "SELECT " + WARNING_COLUMNS
        + " FROM early_warning WHERE open_workspace = ?", JdbcEarlyWarnings::warning, workspace);
  }

  @Override
  public List<Warning> active(Instant closedSince) {
    Objects.requireNonNull(closedSince, "closedSince");
    return jdbc.query("reading the early warnings", "SELECT " + WARNING_COLUMNS + " FROM early_warning"
        + " WHERE closed_at IS NULL OR closed_at >= ? ORDER BY opened_at, id", JdbcEarlyWarnings::warning, closedSince);
  }

  @Override
  public boolean close(String id, Warning.Closing closing) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(closing, "closing");
    return jdbc.update("closing early warning " + id, "UPDATE early_warning SET open_workspace = NULL,"
        + " closed_at = ?, incident_id = ?, incident_name = ?, incident_link = ? WHERE id = ? AND closed_at IS NULL",
        closing.at(), closing.incidentId().orElse(null), closing.incidentName().orElse(null),
        closing.incidentLink().orElse(null), id) > 0;
  }

  @Override
  public boolean claimItem(String warningId, ChannelRef channel, String itemKey, Instant now) {
    Checks.requireNonBlank(warningId, "warningId");
    Objects.requireNonNull(channel, "channel");
    Checks.requireNonBlank(itemKey, "itemKey");
    Objects.requireNonNull(now, "now");
    return jdbc.insertIfAbsent("claiming " + itemKey + " in " + channel, "INSERT INTO early_warning_item"
        + " (platform, channel_id, item_key, warning_id, queued_at) VALUES (?, ?, ?, ?, ?)",
        channel.platform(), channel.channelId(), itemKey, warningId, now);
  }

  @Override
  public int purgeBefore(Instant cutoff, int limit) {
    Objects.requireNonNull(cutoff, "cutoff");
    Checks.requireLimit(limit);
    if (limit == 0) {
      return 0;
    }
    int signals = jdbc.deleteSelected("purging old failing triages",
        "SELECT platform, channel_id, thread_id FROM early_signal WHERE last_at < ? ORDER BY last_at"
            + " FETCH FIRST ? ROWS ONLY", new Object[] {cutoff, limit}, 3,
        "DELETE FROM early_signal WHERE " + KEY + " AND last_at < ?", cutoff);
    jdbc.update("purging the messages of old early warnings", "DELETE FROM early_warning_item WHERE warning_id IN"
        + " (SELECT id FROM early_warning WHERE closed_at < ?)", cutoff);
    int warnings = jdbc.deleteSelected("purging old early warnings",
        "SELECT id FROM early_warning WHERE closed_at < ? ORDER BY closed_at FETCH FIRST ? ROWS ONLY",
        new Object[] {cutoff, limit}, 1, "DELETE FROM early_warning WHERE id = ? AND closed_at < ?", cutoff);
    return signals + warnings;
  }

  private static String kindName(Signal s) {
    return s.kind().map(Enum::name).orElse(null);
  }

  private static Signal signal(ResultSet rs) throws SQLException {
    String kind = rs.getString("error_kind");
    Optional<ErrorKind> known = Optional.empty();
    if (kind != null) {
      try {
        known = Optional.of(ErrorKind.valueOf(kind));
      } catch (IllegalArgumentException e) {
        known = Optional.of(ErrorKind.OTHER); // a kind a later version wrote
      }
    }
    return new Signal(new ConversationKey(rs.getString("platform"), rs.getString("channel_id"),
        rs.getString("thread_id")), rs.getString("workspace"), known, Optional.ofNullable(rs.getString("branch")),
        rs.getBoolean("same_path_fails"), Jdbc.instant(rs, "first_at"), Jdbc.instant(rs, "last_at"));
  }

  private static Warning warning(ResultSet rs) throws SQLException {
    Optional<Warning.Closing> closing = Jdbc.optionalInstant(rs, "closed_at").map(at -> new Warning.Closing(at,
        Optional.empty(), Optional.empty(), Optional.empty()));
    if (closing.isPresent()) {
      closing = Optional.of(new Warning.Closing(closing.get().at(), Optional.ofNullable(rs.getString("incident_id")),
          Optional.ofNullable(rs.getString("incident_name")), Optional.ofNullable(rs.getString("incident_link"))));
    }
    return new Warning(rs.getString("id"), rs.getString("workspace"), Jdbc.instant(rs, "first_at"),
        Jdbc.instant(rs, "opened_at"), rs.getInt("opened_with"), closing);
  }
}
