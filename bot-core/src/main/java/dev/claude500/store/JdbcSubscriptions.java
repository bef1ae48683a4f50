package dev.claude500.store;

import dev.claude500.chat.ChannelMention;
import dev.claude500.chat.ChannelRef;
import dev.claude500.commands.Filters;
import dev.claude500.commands.QuietHours;
import dev.claude500.commands.Subscription;
import dev.claude500.status.Impact;
import dev.claude500.commands.SubscriptionStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
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
 * subscription_component}; its filters in the subscription's own columns (a mention as {@code none},
 * {@code here}, {@code channel}, {@code everyone} or {@code role:<id>}). A save is one transaction that locks the channel's row first, so
 * concurrent saves of one channel apply one after the other and never mix their component sets;
 * reads are single joins, so they never see half a save.
 */
final class JdbcSubscriptions implements SubscriptionStore {
  private static final String SELECT =
      "SELECT s.platform, s.channel_id, s.subscribed_by, s.since, s.min_impact, s.maintenance, s.mention,"
          + " s.quiet, s.time_zone, c.component_id"
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
            "UPDATE subscription SET subscribed_by = ?, since = ?, min_impact = ?, maintenance = ?, mention = ?,"
                + " quiet = ?, time_zone = ? WHERE " + KEY,
            s.subscribedBy(),
            s.since(),
            s.filters().min().wire(),
            s.filters().maintenance(),
            mention(s.filters().mention()),
            s.filters().quiet().word(),
            s.filters().zone().getId(),
            platform,
            channelId);
    if (updated == 0) {
      // a concurrent first save makes this fail on the key; the transaction is then retried
      Jdbc.update(
          c,
          "INSERT INTO subscription (platform, channel_id, subscribed_by, since, min_impact, maintenance,"
              + " mention, quiet, time_zone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          platform,
          channelId,
          s.subscribedBy(),
          s.since(),
          s.filters().min().wire(),
          s.filters().maintenance(),
          mention(s.filters().mention()),
          s.filters().quiet().word(),
          s.filters().zone().getId());
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
              Jdbc.instant(rs, "since"),
              filters(rs));
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
                    head.since(),
                    head.filters())));
    return subscriptions;
  }

  private static String mention(ChannelMention m) {
    return m.kind() == ChannelMention.Kind.ROLE ? "role:" + m.roleId() : m.word();
  }

  /** Reads the filters columns; a value this version cannot read is its default, so one odd row never hides the rest. */
  private static Filters filters(ResultSet rs) throws SQLException {
    Impact min = Impact.fromWire(rs.getString("min_impact"));
    String mention = rs.getString("mention");
    ChannelMention m = mention.startsWith("role:") ? ChannelMention.role(mention.substring(5))
        : Arrays.stream(ChannelMention.Kind.values()).filter(k -> k != ChannelMention.Kind.ROLE
            && k.name().equalsIgnoreCase(mention)).findFirst().map(ChannelMention::of).orElse(ChannelMention.NONE);
    String quiet = rs.getString("quiet");
    return new Filters(
        EnumSet.of(Impact.MINOR, Impact.MAJOR, Impact.CRITICAL).contains(min) ? min : Impact.NONE,
        rs.getBoolean("maintenance"),
        m,
        quiet.equals("off") ? QuietHours.NONE : QuietHours.parse(quiet).orElse(QuietHours.NONE),
        Filters.zone(rs.getString("time_zone")).orElse(ZoneOffset.UTC));
  }
}
