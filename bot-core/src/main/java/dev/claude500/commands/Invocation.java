package dev.claude500.commands;

import dev.claude500.chat.Actor;
import dev.claude500.chat.ChannelRef;
import java.util.Objects;

/**
 * Where and by whom a command was typed.
 *
 * @param surface what the place it was typed in can do
 * @param channel the channel (subscriptions are per channel)
 * @param actor who typed it
 */
public record Invocation(Surface surface, ChannelRef channel, Actor actor) {
  /** Rejects null. */
  public Invocation {
    Objects.requireNonNull(surface, "surface");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(actor, "actor");
  }
}
