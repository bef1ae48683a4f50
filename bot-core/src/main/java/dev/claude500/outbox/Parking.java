package dev.claude500.outbox;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatDeliveryException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which channels and workspaces wait out a platform's {@code Retry-After}, and until when: a
 * channel-wide limit parks the channel, a workspace-wide one every channel of its workspace (or
 * Discord server). A wait that is over is forgotten when next read. Guarded by the outbox's lock.
 */
final class Parking {
  private final Map<String, Instant> until = new HashMap<>();

  /** Parks the channel, or its workspace when the limit is workspace-wide and the workspace is known. */
  void park(ChannelRef channel, Optional<String> workspace, ChatDeliveryException.Scope scope, Instant end) {
    String key = scope == ChatDeliveryException.Scope.WORKSPACE && workspace.isPresent()
        ? workspaceKey(channel, workspace.get()) : channelKey(channel);
    until.merge(key, end, (a, b) -> a.isAfter(b) ? a : b);
  }

  /** Returns until when the channel waits (its own wait or its workspace's), {@link Instant#MIN} when it does not. */
  Instant until(ChannelRef channel, Optional<String> workspace, Instant now) {
    Instant own = read(channelKey(channel), now);
    Instant wide = workspace.map(w -> read(workspaceKey(channel, w), now)).orElse(Instant.MIN);
    return own.isAfter(wide) ? own : wide;
  }

  private Instant read(String key, Instant now) {
    Instant end = until.get(key);
    if (end == null) {
      return Instant.MIN;
    }
    if (!end.isAfter(now)) {
      until.remove(key);
      return Instant.MIN;
    }
    return end;
  }

  private static String channelKey(ChannelRef channel) {
    return "channel " + channel;
  }

  private static String workspaceKey(ChannelRef channel, String workspace) {
    return "workspace " + channel.platform() + " " + workspace;
  }
}
