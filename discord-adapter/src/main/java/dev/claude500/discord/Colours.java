package dev.claude500.discord;

import dev.claude500.status.Impact;
import dev.claude500.status.StatusIndicator;

/** Embed colours for the page's indicator and incidents' impact, matching the status page's own. */
final class Colours {
  static final int GREEN = 0x2FB344;
  static final int YELLOW = 0xF1C40F;
  static final int ORANGE = 0xE67E22;
  static final int RED = 0xE03E3E;
  static final int BLUE = 0x3498DB;
  static final int GREY = 0x95A5A6;

  private Colours() {}

  /** Returns the colour of an indicator. */
  static int of(StatusIndicator indicator) {
    switch (indicator) {
      case NONE:
        return GREEN;
      case MINOR:
        return YELLOW;
      case MAJOR:
        return ORANGE;
      case CRITICAL:
        return RED;
      case MAINTENANCE:
        return BLUE;
      default:
        return GREY;
    }
  }

  /** Returns the colour of an impact; a resolved incident is shown green whatever its impact. */
  static int of(Impact impact, boolean closed) {
    if (closed) {
      return GREEN;
    }
    switch (impact) {
      case MINOR:
        return YELLOW;
      case MAJOR:
        return ORANGE;
      case CRITICAL:
        return RED;
      case MAINTENANCE:
        return BLUE;
      default:
        return GREY;
    }
  }
}
