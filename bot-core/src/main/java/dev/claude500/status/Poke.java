package dev.claude500.status;

/** What became of a {@link StatusPoller#poke()}: a call asking for a read of the page sooner than its poll. */
public enum Poke {
  /** A read was asked for at once. */
  NOW,
  /** A read was asked for at the end of the spacing: the last read a poke brought is that recent. */
  LATER,
  /** A read an earlier poke asked for has not been made yet: this one joined it. */
  JOINED
}
