package dev.claude500.commands;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads the text after {@code /claude500} into a {@link Command}. Stateless and thread-safe. */
public final class CommandParser {
  private static final String PREFIX = "/claude500";
  /** Other ways people ask for help. */
  private static final Set<String> HELP_ALIASES = Set.of("-h", "--help", "?");

  private CommandParser() {}

  /**
   * Returns the command in {@code text} (what follows {@code /claude500}, or the whole line with
   * it). A line whose first word is not a subcommand starts a triage with the whole text pasted.
   */
  public static Command parse(String text) {
    String t = text == null ? "" : text.strip();
    if (t.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      t = t.substring(PREFIX.length()).strip();
    }
    String[] split = t.split("\\s+", 2);
    String word = split[0].toLowerCase(Locale.ROOT);
    String rest = split.length > 1 ? split[1].strip() : "";
    Optional<Subcommand> named = HELP_ALIASES.contains(word) ? Optional.of(Subcommand.HELP) : Subcommand.named(word);
    String whole = t;
    return named.map(s -> of(s, rest, whole)).orElseGet(() -> new Command.Triage(whole, Optional.empty()));
  }

  /**
   * Returns the command {@code subcommand} makes with the text typed after it. {@code status} or
   * {@code help} followed by more text is a triage with the whole line pasted (a pasted line may
   * start with either word); {@code playbook} without an id lists the playbooks.
   */
  public static Command of(Subcommand subcommand, String rest) {
    String r = rest == null ? "" : rest.strip();
    return of(subcommand, r, r.isEmpty() ? subcommand.word() : subcommand.word() + " " + r);
  }

  /** Returns the command {@code subcommand} makes with {@code rest} after it, {@code whole} being the line. */
  private static Command of(Subcommand subcommand, String r, String whole) {
    return switch (subcommand) {
      case HELP -> r.isEmpty() ? new Command.Help() : new Command.Triage(whole, Optional.empty());
      case STATUS -> r.isEmpty() ? new Command.Status() : new Command.Triage(whole, Optional.empty());
      case SUBSCRIBE -> subscribe(words(r));
      case UNSUBSCRIBE -> new Command.Unsubscribe();
      case SUBSCRIPTIONS -> new Command.Subscriptions();
      case AUTODETECT -> new Command.Autodetect(r);
      case PLAYBOOKS -> new Command.Playbooks();
      case PLAYBOOK -> playbook(r);
      case STATS -> new Command.Stats(words(r));
      case TRIAGE -> new Command.Triage(r, Optional.empty());
    };
  }

  private static Command playbook(String rest) {
    String[] idAndText = rest.split("\\s+", 2);
    if (idAndText[0].isEmpty()) {
      return new Command.Playbooks();
    }
    return new Command.Triage(idAndText.length > 1 ? idAndText[1] : "", Optional.of(idAndText[0]));
  }

  /** Component names, and the {@code key=value} words of filters (any word with an {@code =}). */
  private static Command subscribe(List<String> words) {
    return new Command.Subscribe(words.stream().filter(w -> w.indexOf('=') < 0).toList(),
        words.stream().filter(w -> w.indexOf('=') >= 0).toList());
  }

  private static List<String> words(String rest) {
    if (rest.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(rest.split("[\\s,]+")).filter(w -> !w.isEmpty()).toList();
  }
}
