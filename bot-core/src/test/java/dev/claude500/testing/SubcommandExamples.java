package dev.claude500.testing;

import dev.claude500.commands.Subcommand;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * One use of each {@code /claude500} subcommand and what its answer shows on every surface, for
 * tests that walk every subcommand through a surface. Taken from {@link Subcommand} itself: a new
 * subcommand does not compile here until it has an example, and then fails on every surface that
 * does not answer it.
 */
public final class SubcommandExamples {
  /** A 500 error line as Claude Code prints it. */
  public static final String ERROR_500 = "API Error: 500 {\"type\":\"error\",\"error\":{\"type\":\"api_error\","
      + "\"message\":\"Internal server error\"},\"request_id\":\"req_011CXmPAT8xd3GWgKxdq8TRC\"}";

  private SubcommandExamples() {}

  /**
   * One use of a subcommand on a green status page, in a channel without a subscription, with the
   * built-in playbook.
   *
   * @param subcommand the subcommand
   * @param arguments what follows its word, in the order of the subcommand's options where a
   *     surface takes named options; a {@code key=value} word is the option named {@code key} there
   * @param shows texts its answer shows, on every surface
   */
  public record Example(Subcommand subcommand, List<String> arguments, List<String> shows) {
    /** Copies. */
    public Example {
      arguments = List.copyOf(arguments);
      shows = List.copyOf(shows);
    }

    /** Returns the line typed after {@code /claude500}. */
    public String typed() {
      return String.join(" ", Stream.concat(Stream.of(subcommand.word()), arguments.stream()).toList());
    }

    @Override
    public String toString() {
      return "/claude500 " + typed();
    }
  }

  /** Returns an example of every subcommand, in {@link Subcommand}'s order. */
  public static List<Example> all() {
    return Arrays.stream(Subcommand.values()).map(SubcommandExamples::of).toList();
  }

  /** Returns the example of {@code subcommand}. */
  public static Example of(Subcommand subcommand) {
    return switch (subcommand) {
      case TRIAGE -> new Example(subcommand, List.of(ERROR_500),
          List.of("Claude Code 500 triage", "Where does the 500 show up?"));
      case STATUS -> new Example(subcommand, List.of(), List.of("Status page", "Claude Code"));
      case SUBSCRIBE -> new Example(subcommand,
          List.of("code", "min=major", "maintenance=off", "quiet=22:00-07:00", "tz=Europe/Paris"),
          List.of("Subscribed", "Claude Code", "min=major", "maintenance=off", "quiet=22:00-07:00", "tz=Europe/Paris"));
      case UNSUBSCRIBE -> new Example(subcommand, List.of(), List.of("This channel was not subscribed."));
      case SUBSCRIPTIONS -> new Example(subcommand, List.of(), List.of("This channel has no subscription."));
      case AUTODETECT -> new Example(subcommand, List.of("on"), List.of("Autodetect", "Claude Code API error"));
      case PLAYBOOKS -> new Example(subcommand, List.of(), List.of("Playbooks:", "claude-code-500", "Claude Code 500"));
      case PLAYBOOK -> new Example(subcommand, List.of("claude-code-500", ERROR_500),
          List.of("Claude Code 500 triage", "Where does the 500 show up?"));
      case STATS -> new Example(subcommand, List.of("7d"), List.of("Team stats, last 7 days", "No triages in the last 7 days"));
      case HELP -> new Example(subcommand, List.of(), List.of("/claude500 status", "/claude500 playbooks"));
    };
  }
}
