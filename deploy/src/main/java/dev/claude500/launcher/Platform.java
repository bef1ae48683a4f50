package dev.claude500.launcher;

import dev.claude500.chat.ChatPort;

/** A chat platform the launcher runs: Slack or Discord, wired to the core by its adapter. */
interface Platform extends AutoCloseable {
  /** Returns the platform's short name, as in {@code ChannelRef.platform()}. */
  String name();

  /** Returns how the core speaks first on this platform. */
  ChatPort chatPort();

  /** Connects and starts taking requests; throws when it cannot. */
  void start() throws Exception;

  /** Returns true while the platform is connected and taking requests. */
  boolean isReady();

  /**
   * Stops taking requests but keeps the chat port working, so posts under way can finish; never
   * throws. {@link #close()} follows.
   */
  void stopTaking();

  /** Stops taking requests, lets taken work finish briefly, and disconnects; never throws. */
  @Override
  void close();
}
