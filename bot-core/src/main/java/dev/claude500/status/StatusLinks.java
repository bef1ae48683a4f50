package dev.claude500.status;

/** Addresses shown to people. */
public final class StatusLinks {
  /** The public status page; links shown to people point here whichever host answered. */
  public static final String PUBLIC_PAGE = "https://status.claude.com";

  private StatusLinks() {}
}
