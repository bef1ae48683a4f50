package dev.claude500.store;

import dev.claude500.chat.ChannelRef;
import dev.claude500.incidents.LedgerEntry;
import dev.claude500.incidents.PostLedger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The ledger in table {@code post_ledger}; a claim is an insert its primary key lets win once. */
final class JdbcPostLedger implements PostLedger {
  private static final String COLUMNS =
      "platform, channel_id, item_key, incident_id, message_id, claimed_at, posted_at, failure";
  private static final String KEY = "platform = ? AND channel_id = ? AND item_key = ?";

  private final Jdbc jdbc;

  JdbcPostLedger(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean claim(ChannelRef channel, String itemKey, String incidentId, Instant now) {
    Objects.requireNonNull(channel, "channel");
    Checks.requireNonBlank(itemKey, "itemKey");
    Checks.requireNonBlank(incidentId, "incidentId");
    Objects.requireNonNull(now, "now");
    return jdbc.insertIfAbsent(
        "claiming " + itemKey + " in " + channel,
        "INSERT INTO post_ledger (platform, channel_id, item_key, incident_id, claimed_at)"
            + " VALUES (?, ?, ?, ?, ?)",
        channel.platform(),
        channel.channelId(),
        itemKey,
        incidentId,
        now);
  }

  @Override
  public void confirm(ChannelRef channel, String itemKey, String messageId, Instant now) {
    Objects.requireNonNull(channel, "channel");
    Checks.requireNonBlank(itemKey, "itemKey");
    Checks.requireNonBlank(messageId, "messageId");
    Objects.requireNonNull(now, "now");
    int rows =
        jdbc.update(
            "confirming " + itemKey + " in " + channel,
            "UPDATE post_ledger SET message_id = ?, posted_at = ? WHERE " + KEY,
            messageId,
            now,
            channel.platform(),
            channel.channelId(),
            itemKey);
    if (rows == 0) {
      throw new IllegalStateException("nothing claimed for " + itemKey + " in " + channel);
    }
  }

  @Override
  public void fail(ChannelRef channel, String itemKey, String reason, Instant now) {
    Objects.requireNonNull(channel, "channel");
    Checks.requireNonBlank(itemKey, "itemKey");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(now, "now");
    int rows =
        jdbc.update(
            "recording the failure of " + itemKey + " in " + channel,
            "UPDATE post_ledger SET failure = ?, failed_at = ? WHERE " + KEY + " AND posted_at IS NULL",
            reason,
            now,
            channel.platform(),
            channel.channelId(),
            itemKey);
    if (rows == 0 && find(channel, itemKey).isEmpty()) {
      throw new IllegalStateException("nothing claimed for " + itemKey + " in " + channel);
    }
  }

  @Override
  public Optional<LedgerEntry> find(ChannelRef channel, String itemKey) {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(itemKey, "itemKey");
    return jdbc.queryOne(
        "finding " + itemKey + " in " + channel,
        "SELECT " + COLUMNS + " FROM post_ledger WHERE " + KEY,
        JdbcPostLedger::read,
        channel.platform(),
        channel.channelId(),
        itemKey);
  }

  @Override
  public List<LedgerEntry> unconfirmed() {
    return sorted(
        jdbc.query(
            "listing unconfirmed posts",
            "SELECT "
                + COLUMNS
                + " FROM post_ledger WHERE posted_at IS NULL AND failed_at IS NULL"
                + " ORDER BY claimed_at",
            JdbcPostLedger::read));
  }

  @Override
  public List<LedgerEntry> forIncident(String incidentId) {
    Objects.requireNonNull(incidentId, "incidentId");
    return sorted(
        jdbc.query(
            "listing posts of incident " + incidentId,
            "SELECT " + COLUMNS + " FROM post_ledger WHERE incident_id = ?",
            JdbcPostLedger::read,
            incidentId));
  }

  @Override
  public boolean isEmpty() {
    return jdbc.query(
            "checking whether the ledger is empty",
            "SELECT 1 FROM post_ledger FETCH FIRST 1 ROWS ONLY",
            rs -> rs.getInt(1))
        .isEmpty();
  }

  @Override
  public int purgeSettledBefore(Instant cutoff, Set<String> keepIncidents, int limit) {
    Objects.requireNonNull(cutoff, "cutoff");
    Objects.requireNonNull(keepIncidents, "keepIncidents");
    Checks.requireLimit(limit);
    if (limit == 0) {
      return 0;
    }
    String kept = keepIncidents.isEmpty() ? ""
        : " AND incident_id NOT IN (" + String.join(", ", Collections.nCopies(keepIncidents.size(), "?")) + ")";
    String purgeable = "claimed_at < ? AND (posted_at IS NOT NULL OR failed_at IS NOT NULL)" + kept;
    List<Object> select = new ArrayList<>();
    select.add(cutoff);
    select.addAll(keepIncidents);
    select.add(limit);
    List<Object> recheck = new ArrayList<>(select.subList(0, select.size() - 1));
    return jdbc.deleteSelected(
        "purging settled posts",
        "SELECT platform, channel_id, item_key FROM post_ledger WHERE " + purgeable
            + " ORDER BY claimed_at FETCH FIRST ? ROWS ONLY",
        select.toArray(),
        3,
        "DELETE FROM post_ledger WHERE " + KEY + " AND " + purgeable,
        recheck.toArray());
  }

  /** Sorts in Java so ties come out the same on every database (collations differ). */
  private static List<LedgerEntry> sorted(List<LedgerEntry> entries) {
    return entries.stream().sorted(Orderings.CLAIMS).collect(Collectors.toUnmodifiableList());
  }

  private static LedgerEntry read(ResultSet rs) throws SQLException {
    return new LedgerEntry(
        new ChannelRef(rs.getString("platform"), rs.getString("channel_id")),
        rs.getString("item_key"),
        rs.getString("incident_id"),
        Optional.ofNullable(rs.getString("message_id")),
        Jdbc.instant(rs, "claimed_at"),
        Jdbc.optionalInstant(rs, "posted_at"),
        Optional.ofNullable(rs.getString("failure")));
  }
}
