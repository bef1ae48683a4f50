package dev.claude500.testing;

import dev.claude500.chat.ChatPort;
import dev.claude500.incidents.ChatPorts;

/** The set of running platforms' chat ports a test's composition holds, filled as the launcher fills it. */
public final class PortSets {
  private PortSets() {}

  /** Returns a set holding these ports. */
  public static ChatPorts of(ChatPort... ports) {
    ChatPorts all = new ChatPorts();
    for (ChatPort port : ports) {
      all.add(port);
    }
    return all;
  }
}
