package dev.claude500.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Authentication messages and the sign-in page's errors, none of them an {@code API Error} line. */
class ErrorTextParserSignInTest {
  @Test
  @DisplayName("reads Invalid API key, an expired OAuth token and Please run /login as authentication")
  void readsAuthenticationMessages() {
    // https://github.com/anthropics/claude-code/issues/6822
    ParsedError key = ErrorTextParser.parse("Invalid API key · Please run /login").orElseThrow();
    ParsedError token =
        ErrorTextParser.parse("it just says OAuth token has expired and stops").orElseThrow();
    ParsedError below =
        ErrorTextParser.parse("  ⎿  API Error: Request was aborted.\n     Please run /login")
            .orElseThrow();

    assertThat(key.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
    assertThat(key.httpStatus()).isEmpty();
    assertThat(key.line()).isEqualTo("Invalid API key · Please run /login");
    assertThat(key.origin()).isEqualTo(Origin.API);
    assertThat(token.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
    assertThat(below.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
    assertThat(ErrorTextParser.parseAll("  ⎿  API Error: Request was aborted.\n     Please run /login"))
        .hasSize(1);
  }

  @Test
  @DisplayName("Please run /login leading an error on its line is that error's advice")
  void readsLoginAdviceBeforeAnError() {
    // https://github.com/Alishahryar1/free-claude-code/issues/1340
    String paste =
        "● Please run /login · API Error: 401 Upstream provider\n"
            + "  OPENCODE returned HTTP 401.  Category: CreditsError\n"
            + "  Mapped message: Provider authentication failed. \n  Check API key.";
    String otherLine = "Please run /login\nAPI Error: Request was aborted.";

    ParsedError best = ErrorTextParser.parse(paste).orElseThrow();

    assertThat(best.httpStatus()).contains(401);
    assertThat(best.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
    assertThat(best.line()).startsWith("API Error: 401");
    assertThat(ErrorTextParser.parseAll(otherLine)).extracting(ParsedError::kind)
        .containsExactly(ErrorKind.AUTHENTICATION, ErrorKind.OTHER);
  }

  static Stream<Arguments> signInPage() {
    return Stream.of(
        // https://github.com/anthropics/claude-code/issues/36004
        Arguments.of(
            "Claude Code fails during authorization/login. Instead it shows:\n\n"
                + "Authorization failed\nInternal server error",
            null, ErrorKind.INTERNAL),
        // https://github.com/anthropics/claude-code/issues/33270
        Arguments.of(
            "The authorization page at claude.ai/oauth/authorize returns "
                + "\"Authorization failed - Internal server error\"",
            null, ErrorKind.INTERNAL),
        // https://github.com/anthropics/claude-code/issues/10705
        Arguments.of("OAuth Request Failed\nInternal server error", null, ErrorKind.INTERNAL),
        // https://github.com/anthropics/claude-code/issues/20091
        Arguments.of("OAuth error: Request failed with status code 500", 500, ErrorKind.INTERNAL),
        // https://github.com/anthropics/claude-code/issues/44256
        Arguments.of("OAuth error: timeout of 15000ms exceeded", null, ErrorKind.AUTHENTICATION),
        // https://github.com/anthropics/claude-code/issues/10715 (a comment)
        Arguments.of(
            "Browser says \"OAuth Error, Internal server error\" when I try /login",
            null, ErrorKind.INTERNAL),
        Arguments.of(
            "clicking Authorize on claude.ai/oauth/authorize, the console shows: Failed to load "
                + "resource: the server responded with a status of 500 ()",
            500, ErrorKind.INTERNAL),
        Arguments.of(
            "I opened https://claude.ai/oauth/authorize?code=true and the page only says Internal"
                + " server error",
            null, ErrorKind.INTERNAL),
        Arguments.of("Authorization failed", null, ErrorKind.AUTHENTICATION));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("signInPage")
  @DisplayName("reads the sign-in page's errors: a 500 is internal, no status is authentication")
  void readsSignInPageErrors(String paste, Integer status, ErrorKind kind) {
    ParsedError error = ErrorTextParser.parse(paste).orElseThrow();

    assertThat(error.httpStatus()).isEqualTo(Optional.ofNullable(status));
    assertThat(error.kind()).isEqualTo(kind);
    assertThat(error.origin()).isEqualTo(Origin.SIGN_IN);
  }

  @Test
  @DisplayName("the sign-in page's own words and its browser console's 500 are sign-in errors")
  void readsTheSignInPageAndItsConsole() {
    // https://github.com/anthropics/claude-code/issues/194
    String paste =
        "OAuth Problem (individual account, gmail)\n"
            + "After Welcome Screen, Chrome Browser opens, I click Individual option and then I get an"
            + " internal server error >> Failed to load resource: the server responded with a status"
            + " of 500 ()";

    ParsedError best = ErrorTextParser.parse(paste).orElseThrow();

    assertThat(best.kind()).isEqualTo(ErrorKind.INTERNAL);
    assertThat(best.origin()).isEqualTo(Origin.SIGN_IN);
    assertThat(ErrorTextParser.parseAll(paste))
        .anySatisfy(e -> assertThat(e.httpStatus()).contains(500))
        .allSatisfy(e -> assertThat(e.origin()).isEqualTo(Origin.SIGN_IN));
  }

  @Test
  @DisplayName("a 500 body pasted with the OAuth authorize address came from signing in")
  void readsA500DuringSignIn() {
    // https://github.com/anthropics/claude-code/issues/10715
    String paste =
        "getting a 500 error on reauthentication with Claude Code {\n"
            + "    \"type\": \"error\",\n    \"error\": {\n        \"type\": \"api_error\",\n"
            + "        \"message\": \"Internal server error\"\n    },\n"
            + "    \"request_id\": \"req_011CUfHx6wRg8kc9k1okd7S8\"\n}\n\n"
            + "https://claude.ai/oauth/authorize?code=true&client_id=9d1c250a-e61b-44d9-88ed-5944d1962f5e";

    ParsedError best = ErrorTextParser.parse(paste).orElseThrow();

    assertThat(best.kind()).isEqualTo(ErrorKind.INTERNAL);
    assertThat(best.type()).contains("api_error");
    assertThat(best.requestId()).contains("req_011CUfHx6wRg8kc9k1okd7S8");
    assertThat(best.origin()).isEqualTo(Origin.SIGN_IN);
  }

  @Test
  @DisplayName("a console 500 or Internal server error without a sign-in page is not a sign-in error")
  void needsTheSignInPageForBareErrors() {
    ParsedError console =
        ErrorTextParser.parse("Failed to load resource: the server responded with a status of 500 ()")
            .orElseThrow();

    assertThat(console.origin()).isEqualTo(Origin.API);
    assertThat(ErrorTextParser.parseAll("the dashboard says Internal server error")).isEmpty();
    assertThat(ErrorTextParser.parseAll("API Error: 401 {\"type\":\"error\",\"error\":{\"type\":"
            + "\"authentication_error\",\"message\":\"OAuth token has expired.\"}} · Please run /login"))
        .singleElement()
        .satisfies(e -> assertThat(e.origin()).isEqualTo(Origin.API));
  }
}
