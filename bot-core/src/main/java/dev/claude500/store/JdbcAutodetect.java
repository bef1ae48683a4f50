package dev.claude500.store;

import dev.claude500.chat.ChannelRef;
import dev.claude500.commands.AutodetectSetting;
import dev.claude500.commands.AutodetectStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Channels with offers on in table {@code autodetect_channel}, each person's latest offer in {@code
 * autodetect_offer}. A claim is one conditional update (the row's time moves only when it is at
 * least the gap old; the database's row lock makes a second, concurrent update see the first's
 * time), else one insert that the primary key lets only one writer win.
 */
final class JdbcAutodetect implements AutodetectStore {
  private static final String KEY = "platform = ? AND channel_id = ?";

  private final Jdbc jdbc;

  JdbcAutodetect(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void turnOn(AutodetectSetting setting) {
    Objects.requireNonNull(setting, "setting");
    ChannelRef channel = setting.channel();
    String what = "turning autodetect on in " + channel;
    if (jdbc.update(what, "UPDATE autodetect_channel SET turned_on_by = ?, since = ? WHERE " + KEY,
        setting.turnedOnBy(), setting.since(), channel.platform(), channel.channelId()) > 0) {
      return;
    }
    if (!jdbc.insertIfAbsent(what,
        "INSERT INTO autodetect_channel (platform, channel_id, turned_on_by, since) VALUES (?, ?, ?, ?)",
        channel.platform(), channel.channelId(), setting.turnedOnBy(), setting.since())) {
      // another writer turned it on between the two statements: it is on, as asked; record this one
      jdbc.update(what, "UPDATE autodetect_channel SET turned_on_by = ?, since = ? WHERE " + KEY,
          setting.turnedOnBy(), setting.since(), channel.platform(), channel.channelId());
    }
  }

  @Override
  public boolean turnOff(ChannelRef channel) {
    Objects.requireNonNull(channel, "channel");
    return jdbc.update("turning autodetect off in " + channel, "DELETE FROM autodetect_channel WHERE " + KEY,
        channel.platform(), channel.channelId()) > 0;
  }

  @Override
  public Optional<AutodetectSetting> find(ChannelRef channel) {
    Objects.requireNonNull(channel, "channel");
    return jdbc.queryOne("reading autodetect in " + channel,
        "SELECT turned_on_by, since FROM autodetect_channel WHERE " + KEY,
        rs -> new AutodetectSetting(channel, rs.getString("turned_on_by"), Jdbc.instant(rs, "since")),
        channel.platform(), channel.channelId());
  }

  @Override
  public boolean claimOffer(String platform, String userId, Instant now, Duration gap) {
    Checks.requireNonBlank(platform, "platform");
    Checks.requireNonBlank(userId, "userId");
    Objects.requireNonNull(now, "now");
    Checks.requirePositive(gap, "gap");
    String what = "claiming an offer to " + platform + ":" + userId;
    if (jdbc.update(what,
        "UPDATE autodetect_offer SET offered_at = ? WHERE platform = ? AND user_id = ? AND offered_at <= ?",
        now, platform, userId, now.minus(gap)) > 0) {
      return true;
    }
    return jdbc.insertIfAbsent(what, "INSERT INTO autodetect_offer (platform, user_id, offered_at) VALUES (?, ?, ?)",
        platform, userId, now);
  }
}
