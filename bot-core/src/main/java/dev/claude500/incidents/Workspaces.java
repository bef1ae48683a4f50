package dev.claude500.incidents;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatPort;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The workspace (Slack) or server (Discord) of each channel, asked of its platform once and
 * remembered: a channel does not move. Thread-safe.
 */
public final class Workspaces {
  /** Channels remembered at most; beyond, the memory starts over (the bound is for safety). */
  private static final int REMEMBERED = 10_000;

  private final ConcurrentMap<ChannelRef, String> known = new ConcurrentHashMap<>();

  /** Creates an empty memory. */
  public Workspaces() {}

  /**
   * Returns where people hit by an incident in this channel are counted.
   *
   * @throws dev.claude500.chat.ChatDeliveryException when the platform must be asked and cannot answer now
   */
  public HitScope scope(String incidentId, ChatPort port, ChannelRef channel) {
    String workspace = known.get(channel);
    if (workspace == null) {
      workspace = Objects.requireNonNull(port.workspace(channel), "workspace");
      if (known.size() >= REMEMBERED) {
        known.clear();
      }
      known.put(channel, workspace);
    }
    return new HitScope(incidentId, channel.platform(), workspace);
  }
}
