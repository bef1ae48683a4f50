package dev.claude500.store;

import dev.claude500.chat.ChannelRef;
import dev.claude500.commands.Subscription;
import dev.claude500.commands.SubscriptionStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Subscriptions in table {@code subscription}, their component ids in {@code
 * subscription_component}. A save is one transaction that locks the channel's row first, so
 * concurrent saves of one channel apply one after the other and never mix their component sets;
 * reads are single joins, so they never see half a save.
 */
final class JdbcSubscriptions implements SubscriptionStore {
  private static final String SELECT =
      "SELECT s.platform, s.channel_id, s.subscribed_by, s.since, c.component_id"
          + " FROM subscription s LEFT JOIN subscription_component c"
          + " ON c.platform = s.platform AND c.channel_id = s.channel_id";
  private static final String KEY = "platform = ? AND channel_id = ?";

  private final Jdbc jdbc;

  JdbcSubscriptions(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void save(Subscription subscription) {
    Objects.requireNonNull(subscription, "subscription");
    jdbc.inTransaction(
        "saving the subscription of " + subscription.channel(), c -> write(c, subscription));
  }

  private static Void write(Connection c, Subscription s) throws SQLException {
    String platform = s.channel().platform();
    String channelId = s.channel().channelId();
    int updated =
        Jdbc.update(
            c,
            "UPDATE subscription SET subscribed_by = ?, since = ? WHERE " + KEY,
            s.subscribedBy(),
            s.since(),
            platform,
            channelId);
    if (updated == 0) {
      // a concurrent first save makes this fail on the key; the transaction is then retried
      Jdbc.update(
          c,
          "INSERT INTO subscription (platform, channel_id, subscribed_by, since)"
              + " VALUES (?, ?, ?, ?)",
          platform,
          channelId,
          s.subscribedBy(),
          s.since());
    }
    Jdbc.update(c, "DELETE FROM subscription_component WHERE " + KEY, platform, channelId);
    if (s.componentIds().isEmpty()) {
      return null;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO subscription_component (platform, channel_id, component_id)"
                + " VALUES (?, ?, ?)")) {
      for (String componentId : s.componentIds()) {
        Jdbc.bind(ps, platform, channelId, componentId);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return null;
  }

  @Override
  public boolean remove(ChannelRef channel) {
    Objects.requireNonNull(channel, "channel");
    return jdbc.update(
            "removing the subscription of " + channel,
            "DELETE FROM subscription WHERE " + KEY,
            channel.platform(),
            channel.channelId())
        > 0;
  }

  @Override
  public Optional<Subscription> find(ChannelRef channel) {
    Objects.requireNonNull(channel, "channel");
    return assemble(
            jdbc.query(
                "finding the subscription of " + channel,
                SELECT + " WHERE s.platform = ? AND s.channel_id = ?",
                Row::read,
                channel.platform(),
                channel.channelId()))
        .stream()
        .findFirst();
  }

  @Override
  public List<Subscription> all() {
    return assemble(jdbc.query("listing subscriptions", SELECT, Row::read)).stream()
        .sorted(Orderings.SUBSCRIPTIONS)
        .collect(Collectors.toUnmodifiableList());
  }

  /** One joined row: a subscription and one of its component ids, or none. */
  private record Row(Subscription head, Optional<String> componentId) {
    static Row read(ResultSet rs) throws SQLException {
      Subscription head =
          new Subscription(
              new ChannelRef(rs.getString("platform"), rs.getString("channel_id")),
              Set.of(),
              rs.getString("subscribed_by"),
              Jdbc.instant(rs, "since"));
      return new Row(head, Optional.ofNullable(rs.getString("component_id")));
    }
  }

  private static List<Subscription> assemble(List<Row> rows) {
    Map<ChannelRef, Subscription> heads = new LinkedHashMap<>();
    Map<ChannelRef, Set<String>> components = new LinkedHashMap<>();
    for (Row row : rows) {
      ChannelRef channel = row.head().channel();
      heads.putIfAbsent(channel, row.head());
      row.componentId()
          .ifPresent(id -> components.computeIfAbsent(channel, k -> new HashSet<>()).add(id));
    }
    List<Subscription> subscriptions = new ArrayList<>(heads.size());
    heads.forEach(
        (channel, head) ->
            subscriptions.add(
                new Subscription(
                    channel,
                    components.getOrDefault(channel, Set.of()),
                    head.subscribedBy(),
                    head.since())));
    return subscriptions;
  }
}
