package dev.claude500.launcher;

import java.time.Duration;
import java.util.Objects;

/**
 * The deadlines and bounds of the HTTP front door.
 *
 * @param headers how long a request's line and headers may take to arrive, from its first byte (from
 *     the connection's opening, for its first request); a connection whose request is later is cut
 * @param body how long a request's body may take to arrive once its headers have; later, the
 *     request is answered 408 and its connection closed
 * @param idle how long a kept-alive connection may wait for its next request without a byte
 * @param connections how many connections may be open at once; beyond, new ones wait to be accepted
 */
record HttpLimits(Duration headers, Duration body, Duration idle, int connections) {
  /** Ten seconds for headers and ten for a body, half a minute of quiet between requests, 4,096 connections. */
  static final HttpLimits DEFAULT = new HttpLimits(Duration.ofSeconds(10), Duration.ofSeconds(10),
      Duration.ofSeconds(30), 4096);

  /** Checks that every duration is positive and that at least one connection is allowed. */
  HttpLimits {
    positive(headers, "headers");
    positive(body, "body");
    positive(idle, "idle");
    if (connections < 1) {
      throw new IllegalArgumentException("connections must be at least 1: " + connections);
    }
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }
}
