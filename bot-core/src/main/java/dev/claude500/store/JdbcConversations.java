package dev.claude500.store;

import dev.claude500.chat.ConversationKey;
import dev.claude500.triage.ConversationStore;
import dev.claude500.triage.StoredConversation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Conversations in table {@code conversation}: the primary key makes {@code create} race-safe, and
 * {@code update} is a compare-and-set on the version column.
 */
final class JdbcConversations implements ConversationStore {
  private static final String COLUMNS =
      "platform, channel_id, thread_id, state, version, is_open, updated_at";
  private static final String KEY = "platform = ? AND channel_id = ? AND thread_id = ?";

  private final Jdbc jdbc;

  JdbcConversations(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<StoredConversation> find(ConversationKey key) {
    Objects.requireNonNull(key, "key");
    return jdbc.queryOne(
        "finding conversation " + key,
        "SELECT " + COLUMNS + " FROM conversation WHERE " + KEY,
        JdbcConversations::read,
        key.platform(),
        key.channel(),
        key.thread());
  }

  @Override
  public boolean create(StoredConversation conversation) {
    Checks.requireNewVersion(conversation);
    ConversationKey key = conversation.key();
    return jdbc.insertIfAbsent(
        "creating conversation " + key,
        "INSERT INTO conversation (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
        key.platform(),
        key.channel(),
        key.thread(),
        conversation.state(),
        conversation.version(),
        conversation.open(),
        conversation.updatedAt());
  }

  @Override
  public boolean update(StoredConversation next) {
    Checks.requireNextVersion(next);
    ConversationKey key = next.key();
    int rows =
        jdbc.update(
            "updating conversation " + key,
            "UPDATE conversation SET state = ?, version = ?, is_open = ?, updated_at = ?"
                + " WHERE "
                + KEY
                + " AND version = ?",
            next.state(),
            next.version(),
            next.open(),
            next.updatedAt(),
            key.platform(),
            key.channel(),
            key.thread(),
            next.version() - 1);
    return rows == 1;
  }

  @Override
  public List<StoredConversation> findOpenIdleSince(Instant cutoff, int limit) {
    Objects.requireNonNull(cutoff, "cutoff");
    Checks.requireLimit(limit);
    if (limit == 0) {
      return List.of();
    }
    return jdbc
        .query(
            "finding idle conversations",
            "SELECT "
                + COLUMNS
                + " FROM conversation WHERE is_open = TRUE AND updated_at < ?"
                + " ORDER BY updated_at, platform, channel_id, thread_id FETCH FIRST ? ROWS ONLY",
            JdbcConversations::read,
            cutoff,
            limit)
        .stream()
        // ties come back in the database's collation; settle them the way every store does
        .sorted(Orderings.IDLE)
        .collect(Collectors.toUnmodifiableList());
  }

  @Override
  public int purgeClosedBefore(Instant cutoff, int limit) {
    Objects.requireNonNull(cutoff, "cutoff");
    Checks.requireLimit(limit);
    if (limit == 0) {
      return 0;
    }
    String purgeable = "is_open = FALSE AND updated_at < ? AND NOT EXISTS (SELECT 1 FROM waiting_triage w"
        + " WHERE w.platform = conversation.platform AND w.channel_id = conversation.channel_id"
        + " AND w.thread_id = conversation.thread_id)";
    return jdbc.deleteSelected(
        "purging closed conversations",
        "SELECT platform, channel_id, thread_id FROM conversation WHERE " + purgeable
            + " ORDER BY updated_at FETCH FIRST ? ROWS ONLY",
        new Object[] {cutoff, limit},
        3,
        "DELETE FROM conversation WHERE " + KEY + " AND " + purgeable,
        cutoff);
  }

  private static StoredConversation read(ResultSet rs) throws SQLException {
    return new StoredConversation(
        new ConversationKey(
            rs.getString("platform"), rs.getString("channel_id"), rs.getString("thread_id")),
        rs.getString("state"),
        rs.getLong("version"),
        rs.getBoolean("is_open"),
        Jdbc.instant(rs, "updated_at"));
  }
}
