package dev.claude500.commands;

import dev.claude500.chat.Actor;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.Text;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code autodetect on|off}: whether the bot offers a triage, to its author only, under a Claude
 * Code API error posted in a channel; off unless the channel turned it on. Also the rate of those
 * offers: at most one to a person per {@link #OFFER_GAP}. Thread-safe.
 */
public final class Autodetect {
  /** The least time between two offers to one person. */
  public static final Duration OFFER_GAP = Duration.ofMinutes(10);

  private final AutodetectStore store;
  private final Clock clock;

  Autodetect(AutodetectStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Returns true when offers are on in the channel (a store read). */
  public boolean isOn(ChannelRef channel) {
    return store.find(channel).isPresent();
  }

  /**
   * Claims an offer to a person now: true when they had none in the last {@link #OFFER_GAP}, on
   * any replica; the claim then counts as the offer.
   */
  public boolean claimOffer(ChannelRef channel, String userId) {
    return store.claimOffer(channel.platform(), userId, clock.instant(), OFFER_GAP);
  }

  /**
   * Applies {@code autodetect <setting>} typed in a channel and returns what to tell the person:
   * {@code on} and {@code off} change it, nothing shows it, anything else shows the usage.
   */
  Text apply(ChannelRef channel, Actor actor, Command.Autodetect command) {
    Optional<Boolean> on = command.on();
    if (on.isEmpty()) {
      Text now = describe(channel);
      return command.setting().isEmpty() ? now
          : Text.parse("`autodetect` takes `on` or `off`. ").append(now);
    }
    if (on.get()) {
      store.turnOn(new AutodetectSetting(channel, actor.id(), clock.instant()));
      return Text.parse("Autodetect is on: when someone posts a Claude Code API error (500, 529, 429 or 401) "
          + "at the top of this channel, I offer them a triage in its thread, in a message only they see "
          + "(at most one offer every 10 minutes each). I read new messages here for that and keep nothing "
          + "of those without an error. `/claude500 autodetect off` stops it.");
    }
    return store.turnOff(channel)
        ? Text.parse("Autodetect is off: no more offers under pasted errors in this channel.")
        : Text.parse("Autodetect was already off in this channel.");
  }

  /** Returns one line saying whether offers are on in the channel. */
  Text describe(ChannelRef channel) {
    return store.find(channel)
        .map(s -> Text.builder().plain("Autodetect is on: when someone posts a Claude Code API error here, I offer "
            + "them a triage (turned on by ").mention(Actor.of(s.turnedOnBy())).plain("). ")
            .code("/claude500 autodetect off").plain(" stops it.").build())
        .orElse(Text.parse("Autodetect is off: `/claude500 autodetect on` makes me offer a triage to whoever posts "
            + "a Claude Code API error in this channel."));
  }
}
