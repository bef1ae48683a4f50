package dev.claude500.store;

import dev.claude500.chat.ChannelRef;
import dev.claude500.commands.AutodetectSetting;
import dev.claude500.commands.AutodetectStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** Offers under pasted errors in concurrent maps: channels with offers on, each person's latest offer. */
final class InMemoryAutodetect implements AutodetectStore {
  private final ConcurrentMap<ChannelRef, AutodetectSetting> on = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Instant> lastOffer = new ConcurrentHashMap<>();

  @Override
  public void turnOn(AutodetectSetting setting) {
    Objects.requireNonNull(setting, "setting");
    on.put(setting.channel(), new AutodetectSetting(setting.channel(), setting.turnedOnBy(),
        Micros.truncate(setting.since())));
  }

  @Override
  public boolean turnOff(ChannelRef channel) {
    return on.remove(Objects.requireNonNull(channel, "channel")) != null;
  }

  @Override
  public Optional<AutodetectSetting> find(ChannelRef channel) {
    return Optional.ofNullable(on.get(Objects.requireNonNull(channel, "channel")));
  }

  @Override
  public boolean claimOffer(String platform, String userId, Instant now, Duration gap) {
    Checks.requireNonBlank(platform, "platform");
    Checks.requireNonBlank(userId, "userId");
    Objects.requireNonNull(now, "now");
    Checks.requirePositive(gap, "gap");
    Instant at = Micros.truncate(now);
    Instant latest = Micros.truncate(now.minus(gap));
    AtomicBoolean claimed = new AtomicBoolean();
    lastOffer.compute(platform + "\u0000" + userId, (k, previous) -> {
      if (previous == null || !previous.isAfter(latest)) {
        claimed.set(true);
        return at;
      }
      return previous;
    });
    return claimed.get();
  }
}
