package dev.claude500.bot;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads the text after {@code /claude500} into a {@link Command}. Stateless and thread-safe. */
public final class CommandParser {
  private CommandParser() {}

  /**
   * Returns the command in {@code text} (what follows {@code /claude500}, or the whole line with
   * it). A line whose first word is not a subcommand starts a triage with the whole text pasted.
   */
  public static Command parse(String text) {
    String t = text == null ? "" : text.strip();
    if (t.regionMatches(true, 0, "/claude500", 0, "/claude500".length())) {
      t = t.substring("/claude500".length()).strip();
    }
    String[] split = t.split("\\s+", 2);
    String word = split[0].toLowerCase(Locale.ROOT);
    String rest = split.length > 1 ? split[1].strip() : "";
    switch (word) {
      case "help":
      case "-h":
      case "--help":
      case "?":
        return rest.isEmpty() ? new Command.Help() : new Command.Triage(t, Optional.empty());
      case "status":
        return rest.isEmpty() ? new Command.Status() : new Command.Triage(t, Optional.empty());
      case "subscribe":
        return new Command.Subscribe(words(rest));
      case "unsubscribe":
        return new Command.Unsubscribe();
      case "subscriptions":
        return new Command.Subscriptions();
      case "playbooks":
        return new Command.Playbooks();
      case "triage":
        return new Command.Triage(rest, Optional.empty());
      case "playbook": {
        String[] idAndText = rest.split("\\s+", 2);
        if (idAndText[0].isEmpty()) {
          return new Command.Playbooks();
        }
        return new Command.Triage(idAndText.length > 1 ? idAndText[1] : "", Optional.of(idAndText[0]));
      }
      default:
        return new Command.Triage(t, Optional.empty());
    }
  }

  private static List<String> words(String rest) {
    if (rest.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(rest.split("[\\s,]+")).filter(w -> !w.isEmpty()).toList();
  }
}
