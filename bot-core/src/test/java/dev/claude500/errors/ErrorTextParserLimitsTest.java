package dev.claude500.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorTextParserLimitsTest {
  private static final int MEGABYTE = 1 << 20;

  static Stream<Arguments> adversarialInputs() {
    return Stream.of(
        repeat("API Error: ", "headers"),
        repeat("API Error (", "open headers"),
        repeat("API Error: 500 {", "open bodies"),
        repeat("{\"type\":", "nested body starts"),
        repeat("{\"error\":{\"type\":\"api_error\"}} ", "many small bodies"),
        repeat("[", "open arrays"),
        repeat("{\"type\":\"error\",", "error marks"),
        repeat("{\"error\":{", "open error objects"),
        repeat("{\n\"type\":\n", "pretty-printed starts"),
        of("{\"type\":".repeat(MEGABYTE / 16) + "\n\"type\":\"error\"", "mark on the next line"),
        of("API Error: 500 {\"type\":\"error\",\"error\":{\"message\":\"" + "\\a".repeat(MEGABYTE / 2), "escapes"),
        of("API Error: 500 {\"message\":\"" + "a".repeat(MEGABYTE), "one long string"),
        of("API Error:" + " ".repeat(MEGABYTE) + "500", "long blank run"),
        of(" ".repeat(MEGABYTE) + "\n", "spaces then newline"),
        repeat(" \t", "blanks"),
        repeat("500 ", "statuses"),
        repeat("HTTP ", "HTTP words"),
        repeat("status: 5", "status words"),
        of("500 " + "a".repeat(MEGABYTE), "status then letters"),
        of("500 a" + "_a".repeat(MEGABYTE / 2), "status then underscored word"),
        repeat("req_", "request id prefixes"),
        of("req_" + "a".repeat(MEGABYTE), "long request id"),
        repeat("request_id: ", "request id labels"),
        repeat("api_error ", "types"),
        repeat("&amp;", "entities"),
        repeat("&#", "entity starts"),
        of("<https://" + "a".repeat(MEGABYTE), "open link"),
        repeat("<@", "open mentions"),
        repeat("`", "backticks"),
        repeat("```json", "fences"),
        repeat("\r", "carriage returns"),
        repeat("\u0000", "NULs"),
        repeat("\uD800", "lone surrogates"),
        repeat("· ", "middle dots"),
        repeat("check ", "check words"),
        of("API Error: " + "·".repeat(MEGABYTE), "suffix flood"),
        of("x".repeat(MEGABYTE), "one letter"),
        repeat("Request ID:\n", "request id labels alone on their lines"),
        repeat("Request IDs:\n\n- ", "empty request id lists"),
        repeat("req_\n", "request id prefixes ending lines"),
        repeat("req_011CXmPAT8xd3G\n   ", "wrapped request id halves"),
        of("Request ID: req_" + "\n".repeat(MEGABYTE), "a request id then newlines"),
        repeat("You've hit your limit · resets ", "limits without a time"),
        of("Claude usage limit reached. Your limit will reset" + " \n".repeat(MEGABYTE / 2), "a reset then blanks"),
        repeat("Authorization failed\n", "sign-in headings"),
        repeat("OAuth error: ", "OAuth errors"),
        repeat("Failed to load resource: the server responded with a status of ", "console lines"),
        repeat("Please run /login ", "login advice"),
        repeat("Invalid API key · ", "invalid keys"),
        repeat("500 and ", "status lists"),
        repeat("500 errors ", "plural mentions"),
        repeat("<html><title>", "HTML pages"),
        repeat("litellm openrouter bedrock ", "gateway names"),
        repeat("sign in /oauth/authorize ", "sign-in words"),
        repeat("API Error: x\n     · Rate limited", "wrapped rate limits"),
        of("{\"error\":{\"code\":500,\"message\":\"" + "m".repeat(MEGABYTE), "a gateway body"),
        repeat("529 {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\"}} ", "statuses before bodies"),
        of("{\"type\":\"error\",\"error\":{\"type\":\"api_error\"}}" + " 500".repeat(MEGABYTE / 4), "a body then statuses"),
        repeat("Please run /login · API Error: 401 x\n", "login advice before errors"),
        repeat("npm error code EACCES\n", "npm codes"),
        of("npm error code EACCES\n" + "npm error x\n".repeat(MEGABYTE / 12), "a long npm block"),
        repeat("Request too large (max 32MB). ", "requests too large"),
        repeat("Request ID: req_5885a728428d ", "short hex ids"),
        repeat("req_vrtx_", "Vertex id prefixes"),
        repeat("**_API Error: 500 x_** ", "emphasised headers"));
  }

  private static Arguments repeat(String unit, String name) {
    return of(unit.repeat(MEGABYTE / unit.length() + 1), name);
  }

  private static Arguments of(String text, String name) {
    return Arguments.of(name, text);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("adversarialInputs")
  @DisplayName("reads a megabyte of adversarial text quickly, without throwing")
  void readsAdversarialInputQuickly(String name, String text) {
    List<ParsedError> errors =
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> ErrorTextParser.parseAll(text));

    assertThat(errors).hasSizeLessThanOrEqualTo(ErrorTextParser.MAX_ERRORS);
  }

  @Test
  @DisplayName("reads only the first 64 KiB")
  void readsOnlyTheFirstPart() {
    String late = " ".repeat(ErrorTextParser.MAX_CHARS_CONSIDERED) + "API Error: 500";
    String early = "API Error: 500" + " ".repeat(MEGABYTE);

    assertThat(ErrorTextParser.parseAll(late)).isEmpty();
    assertThat(ErrorTextParser.parseAll(early)).hasSize(1);
  }

  @Test
  @DisplayName("returns at most MAX_ERRORS errors, and bounded lines")
  void boundsTheResult() {
    String many = "API Error: Operation aborted\n".repeat(500);
    String longLine = "API Error: 500 " + "x".repeat(10_000);

    assertThat(ErrorTextParser.parseAll(many)).hasSize(ErrorTextParser.MAX_ERRORS);
    assertThat(ErrorTextParser.parse(longLine).orElseThrow().line())
        .hasSize(ErrorTextParser.MAX_LINE_CHARS)
        .endsWith("…");
  }
}
