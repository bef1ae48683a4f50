package dev.claude500.chat;

/**
 * How many people of the workspace (Slack) or server (Discord) a post is in are hit by its
 * incident; an incident post that carries it also carries the "I'm hit too" button while the
 * incident is open.
 *
 * @param people how many people, at least 0
 */
public record HitCount(int people) {
  /** Rejects a negative count. */
  public HitCount {
    if (people < 0) {
      throw new IllegalArgumentException("people must be >= 0, was " + people);
    }
  }

  /** Returns the line shown on the post, e.g. "3 people here are hit". */
  public String line(boolean over) {
    String who = people == 1 ? "1 person here " + (over ? "was" : "is")
        : people + " people here " + (over ? "were" : "are");
    return who + " hit" + (over ? " by it" : "");
  }
}
