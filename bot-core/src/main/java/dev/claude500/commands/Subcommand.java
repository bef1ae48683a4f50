package dev.claude500.commands;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The words that name a {@code /claude500} subcommand, the same on every surface (a fixed
 * contract: people and scripts type them). Every surface offers each of them.
 */
public enum Subcommand {
  /** {@code triage [pasted text]}: start a triage (also what {@code /claude500} alone does). */
  TRIAGE("triage"),
  /** {@code status}: the status page at a glance. */
  STATUS("status"),
  /** {@code subscribe [component ...]}: incident posts in this channel. */
  SUBSCRIBE("subscribe"),
  /** {@code unsubscribe}: no more incident posts. */
  UNSUBSCRIBE("unsubscribe"),
  /** {@code subscriptions}: this channel's subscription. */
  SUBSCRIPTIONS("subscriptions"),
  /** {@code autodetect on|off}: offer a triage under an error pasted in this channel (Slack). */
  AUTODETECT("autodetect"),
  /** {@code playbooks}: the playbooks a triage can walk. */
  PLAYBOOKS("playbooks"),
  /** {@code playbook <id> [pasted text]}: start a triage of another playbook. */
  PLAYBOOK("playbook"),
  /** {@code stats [7d|30d|90d] [public]}: the team's triages and the page's incidents over a window. */
  STATS("stats"),
  /** {@code help}: usage. */
  HELP("help");

  private final String word;

  Subcommand(String word) {
    this.word = word;
  }

  /** Returns the word typed for it. */
  public String word() {
    return word;
  }

  /** Returns the subcommand a word names, in any case. */
  public static Optional<Subcommand> named(String word) {
    String w = word == null ? "" : word.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(s -> s.word.equals(w)).findFirst();
  }
}
