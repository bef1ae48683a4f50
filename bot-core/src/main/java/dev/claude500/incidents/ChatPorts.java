package dev.claude500.incidents;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatPort;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The chat ports of the running platforms, by platform name. The launcher builds the triage engine
 * before the platforms exist, so this is filled in as they start. Thread-safe.
 */
public final class ChatPorts {
  private final ConcurrentMap<String, ChatPort> byPlatform = new ConcurrentHashMap<>();

  /** Creates an empty set of ports. */
  public ChatPorts() {}

  /** Adds a port, replacing any other port of the same platform. */
  public void add(ChatPort port) {
    Objects.requireNonNull(port, "port");
    byPlatform.put(Objects.requireNonNull(port.platform(), "port.platform()"), port);
  }

  /** Returns the port of a platform. */
  public Optional<ChatPort> find(String platform) {
    return Optional.ofNullable(byPlatform.get(Objects.requireNonNull(platform, "platform")));
  }

  /**
   * Returns the workspace or server a channel belongs to, as its platform's port names it; the
   * platform's name when no port of it runs here (the console) or it names none.
   *
   * @throws dev.claude500.chat.ChatDeliveryException when the platform must be asked and cannot answer now
   */
  public String workspace(ChannelRef channel) {
    return find(channel.platform()).map(p -> p.workspace(channel)).orElse(channel.platform());
  }

  /** Returns every port, by platform name. */
  public List<ChatPort> all() {
    return byPlatform.values().stream().sorted(Comparator.comparing(ChatPort::platform)).toList();
  }
}
