package dev.claude500.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {
  static Stream<Arguments> examples() {
    return Stream.of(
        Arguments.of(
            "key is sk-ant-api03-abcDEF123_-xyzXYZ0987654321abcdefghijklmnopqrstuvwxyzABCDEFGHIJ-AA ok",
            "key is [redacted api key] ok"),
        Arguments.of(
            "CLAUDE_CODE_OAUTH_TOKEN=sk-ant-oat01-Zx9_yW8-vU7tS6rQ5pO4nM3lK2jI1hG0fE",
            "CLAUDE_CODE_OAUTH_TOKEN=[redacted oauth token]"),
        Arguments.of("Authorization: Bearer abc.DEF-123_xyz", "Authorization: Bearer [redacted credential]"),
        Arguments.of("curl -H Bearer\tabc.DEF-123_xyz", "curl -H Bearer\t[redacted token]"),
        Arguments.of("Bearer \tSLACK_SIGNING_SECRET = miWWlFmzOI9SSm6", "Bearer \t[redacted token] = [redacted credential]"),
        Arguments.of("authorization: Basic dXNlcjpwYXNzd29yZA==", "authorization: Basic [redacted credential]"),
        Arguments.of("curl -H \"x-api-key: k3y-V4lue-9f8e\" ...", "curl -H \"x-api-key: [redacted credential]\" ..."),
        Arguments.of("{\"X-Api-Key\":\"abcd1234efgh\"}", "{\"X-Api-Key\":\"[redacted credential]\"}"),
        Arguments.of("export ANTHROPIC_API_KEY=my-key-123", "export ANTHROPIC_API_KEY=[redacted credential]"),
        Arguments.of("ANTHROPIC_AUTH_TOKEN=\"t0ken-value\"", "ANTHROPIC_AUTH_TOKEN=\"[redacted credential]\""),
        Arguments.of("id AKIAIOSFODNN7EXAMPLE here", "id [redacted aws key id] here"),
        Arguments.of(
            "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "aws_secret_access_key = [redacted credential]"),
        Arguments.of(
            "SLACK_BOT_TOKEN is xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
            "SLACK_BOT_TOKEN is [redacted slack token]"),
        Arguments.of("ghp_1234567890abcdefghijABCDEFGHIJklmnop", "[redacted github token]"),
        Arguments.of(
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
            "[redacted jwt]"),
        Arguments.of("sha 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "sha [redacted token]"),
        Arguments.of("blob Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MEFCQ0RFRkdISUpLTE1OT1A=", "blob [redacted token]"));
  }

  @ParameterizedTest
  @MethodSource("examples")
  @DisplayName("replaces each kind of secret with its marker")
  void redactsEachKind(String text, String expected) {
    assertThat(Redactor.redact(text)).isEqualTo(expected);
    assertThat(Redactor.redact(expected)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "API Error: 500 {\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal server error\"},\"request_id\":\"req_011CXmPAT8xd3GWgKxdq8TRC\"}",
        "request-id: req_011CXmPAT8xd3GWgKxdq8TRC",
        "check https://status.claude.com/incidents/yyzkbfm5jrnk and https://anthropic.statuspage.io",
        "OAuth token has expired. Please obtain a new token or refresh your existing token.",
        "use a Bearer token, or Bearer authentication; the Authorization header",
        "Auth token: ANTHROPIC_AUTH_TOKEN\nAPI key: /login managed key",
        "ANTHROPIC_API_KEY=$ANTHROPIC_API_KEY and TOKEN=${SECRET}",
        "/home/runner/work/my-project/my-project/src/components/Header2.tsx",
        "src/main/java/dev/claude500/errors/ErrorTextParserPropertiesTest.java",
        "session 123e4567-e89b-12d3-a456-426614174000",
        "at AbstractSingletonProxyFactoryBeanConfigurerHolder.run",
        "CLAUDE_CODE_MAX_OUTPUT_TOKENS=32000",
        ""
      })
  @DisplayName("keeps request ids, status links, words, paths and variable references")
  void keepsEvidence(String text) {
    assertThat(Redactor.redact(text)).isEqualTo(text);
  }

  @Test
  @DisplayName("redacts a whole run, never part of it")
  void redactsWholeRuns() {
    String text = "token_0123456789abcdef0123456789abcdef_tail and more";

    assertThat(Redactor.redact(text)).isEqualTo("[redacted token] and more");
  }

  @Test
  @DisplayName("does a quarter megabyte of adversarial text quickly (it is linear)")
  void linearOnAdversarialText() {
    String[] units = {
      "sk-ant-", "sk-", "eyJ", "eyJaaaaa.", "xoxb-", "ghp_", "AKIA", "bearer ", "Bearer aaaaaaa ",
      "authorization: ", "x-api-key=", "password:", "A_", "_TOKEN", "TOKEN=", "export ", "a", "=",
      "aaaaaaaaaaaaaaaaaaaaaaaaa.", "aaaaaa.", "[redacted", "\n", " ", "aB3", "aB3/"
    };
    for (String unit : units) {
      String text = unit.repeat((1 << 18) / unit.length());
      long started = System.nanoTime();

      String out = Redactor.redact(text);

      long millis = (System.nanoTime() - started) / 1_000_000;
      assertThat(millis).as("%s took %d ms", unit, millis).isLessThan(1_000);
      assertThat(out.length() <= 3 * text.length()).as("output bounded for %s", unit).isTrue();
    }
  }

  @Test
  @DisplayName("redacts a megabyte-long random-looking run as one token, and keeps a long word")
  void redactsHugeRuns() {
    char[] word = new char[1 << 20];
    Arrays.fill(word, 'A');
    String run = "aB3".repeat(1 << 18);

    assertThat(Redactor.redact(new String(word)).equals(new String(word))).isTrue();
    assertThat(Redactor.redact(run)).isEqualTo(Redactor.TOKEN);
  }
}
