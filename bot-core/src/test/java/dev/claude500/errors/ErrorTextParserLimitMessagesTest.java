package dev.claude500.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The usage and session limits Claude Code prints without a status. */
class ErrorTextParserLimitMessagesTest {
  static Stream<Arguments> limits() {
    return Stream.of(
        // https://github.com/anthropics/claude-code/issues/15064
        Arguments.of(
            " ⎿  Claude usage limit reached. Your limit will reset at 9am (America/Chicago).",
            "9am (America/Chicago)"),
        // https://github.com/anthropics/claude-code/issues/9236 (the terminal wrapped it)
        Arguments.of(
            "Claude usage limit reached. Your limit will reset \n     at 3pm (America/Santiago).",
            "3pm (America/Santiago)"),
        Arguments.of(
            "Claude usage limit reached. Your limit will reset at 5pm (Europe/Paris)",
            "5pm (Europe/Paris)"),
        Arguments.of("You've hit your session limit · resets 5am", "5am"),
        // https://github.com/anthropics/claude-code/issues/75243
        Arguments.of(
            "  ⎿  You’ve hit your session limit · resets 5:20am (America/Denver)\n"
                + "     /usage-credits to finish what you’re working on.",
            "5:20am (America/Denver)"),
        // https://github.com/anthropics/claude-code/issues/18078
        Arguments.of(
            "You've hit your limit · resets Jan 18, 11:30am (Asia/Calcutta)",
            "Jan 18, 11:30am (Asia/Calcutta)"),
        // https://github.com/anthropics/claude-code/issues/80903
        Arguments.of(
            "You've hit your weekly limit · resets Jul 27 at 4:30am (Asia/Calcutta)",
            "Jul 27 at 4:30am (Asia/Calcutta)"),
        Arguments.of("5-hour limit reached ∙ resets 3pm", "3pm"),
        // https://github.com/anthropics/claude-code/issues/10333
        Arguments.of("Opus weekly limit reached ∙ resets Oct 31, 9am", "Oct 31, 9am"),
        // https://github.com/anthropics/claude-code/issues/11577
        Arguments.of("Session limit reached ∙ resets 8pm", "8pm"),
        Arguments.of("Session limit reached – resets in 2 hours", "in 2 hours"),
        // https://github.com/anthropics/claude-code/issues/8835
        Arguments.of("Claude AI usage limit reached|1760004000", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("limits")
  @DisplayName("reads a usage or session limit as a rate limit, its reset time as written")
  void readsLimits(String paste, String resets) {
    ParsedError limit = ErrorTextParser.parse(paste).orElseThrow();

    assertThat(limit.kind()).isEqualTo(ErrorKind.RATE_LIMIT);
    assertThat(limit.httpStatus()).isEmpty();
    assertThat(limit.resets()).isEqualTo(Optional.ofNullable(resets));
    assertThat(limit.origin()).isEqualTo(Origin.API);
    assertThat(ErrorTextParser.parseAll(paste)).hasSize(1);
  }

  @Test
  @DisplayName("takes 429 for a limit only when it is printed, and Claude Code's Rate limited")
  void readsRateLimitedLines() {
    // https://github.com/anthropics/claude-code/issues/48191
    ParsedError rejected =
        ErrorTextParser.parse("API Error: Request rejected (429) · Rate limited").orElseThrow();
    // https://github.com/anthropics/claude-code/issues/64905 (wrapped by the terminal)
    ParsedError serverSide =
        ErrorTextParser.parse(
                "API Error: Server is temporarily limiting requests (not your usage\n"
                    + "     limit) · Rate limited")
            .orElseThrow();
    ParsedError printed =
        ErrorTextParser.parse("429 · You've hit your session limit · resets 5am").orElseThrow();

    assertThat(rejected.httpStatus()).contains(429);
    assertThat(rejected.kind()).isEqualTo(ErrorKind.RATE_LIMIT);
    assertThat(serverSide.httpStatus()).isEmpty();
    assertThat(serverSide.kind()).isEqualTo(ErrorKind.RATE_LIMIT);
    assertThat(printed.httpStatus()).contains(429);
    assertThat(printed.resets()).contains("5am");
  }

  @Test
  @DisplayName("an approaching-limit warning is not an error")
  void ignoresWarnings() {
    assertThat(ErrorTextParser.parseAll("Approaching usage limit · resets at 2am")).isEmpty();
  }
}
