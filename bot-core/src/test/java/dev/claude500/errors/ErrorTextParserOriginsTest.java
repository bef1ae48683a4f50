package dev.claude500.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Where a pasted error came from: a gateway or another provider, or Anthropic's API. */
class ErrorTextParserOriginsTest {
  static Stream<Arguments> gateways() {
    return Stream.of(
        // body shape from https://docs.litellm.ai/docs/proxy/error_diagnosis
        Arguments.of(
            "API Error: 500 {\"error\":{\"message\":\"litellm.InternalServerError: AnthropicException"
                + " - Overloaded. Handle with `litellm.InternalServerError`.\",\"type\":"
                + "\"internal_server_error\",\"param\":null,\"code\":\"500\"}}",
            500, ErrorKind.INTERNAL, "LiteLLM"),
        // the same body pasted alone: its code is its status
        Arguments.of(
            "{\"error\":{\"message\":\"litellm.InternalServerError: AnthropicException - Overloaded."
                + "\",\"type\":\"internal_server_error\",\"param\":null,\"code\":\"500\"}}",
            500, ErrorKind.INTERNAL, "LiteLLM"),
        // https://github.com/farion1231/cc-switch/issues/464
        Arguments.of(
            "API Error: 400 {\"error\":{\"message\":\"Provider returned error\",\"code\":400,"
                + "\"metadata\":{\"raw\":\"{\\\"error\\\":{\\\"code\\\":\\\"400\\\"}}\","
                + "\"provider_name\":\"Xiaomi\"}}}",
            400, ErrorKind.OTHER, "OpenRouter"),
        // https://github.com/continuedev/continue/issues/10295 (Ollama's message)
        Arguments.of(
            "API Error: 500 {\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"model"
                + " runner has unexpectedly stopped, this may be due to resource limitations or an"
                + " internal error, check ollama server logs for details\"}}",
            500, ErrorKind.INTERNAL, "Ollama"),
        // https://github.com/Alishahryar1/free-claude-code/issues/1808
        Arguments.of(
            "● API Error: 500 Upstream provider NIM returned an error.\n"
                + "  Category: internal_server_error\n  Mapped message: Provider API request failed.",
            500, ErrorKind.INTERNAL, "NVIDIA NIM"),
        // https://github.com/Alishahryar1/free-claude-code/issues/1482
        Arguments.of(
            "API Error: Request rejected (429) · Upstream provider NIM returned HTTP 429.",
            429, ErrorKind.RATE_LIMIT, "NVIDIA NIM"),
        // https://github.com/anthropics/claude-code/issues/70366
        Arguments.of(
            " ● API Error: 503 Bedrock is unable to process your request. This is a server-side"
                + " issue, usually temporary — try\n  again in a moment. If it persists, check your"
                + " Amazon Bedrock service status",
            503, ErrorKind.SERVER, "Amazon Bedrock"),
        Arguments.of(
            "API Error: 400 {\"message\":\"ValidationException: The provided model identifier is"
                + " invalid.\"} from bedrock-runtime.us-east-1.amazonaws.com",
            400, ErrorKind.OTHER, "Amazon Bedrock"),
        // https://github.com/Kilo-Org/kilocode/issues/3225 (Vertex's body)
        Arguments.of(
            "API Error: 500 [{\"error\":{\"code\":500,\"message\":\"Internal error encountered.\","
                + "\"status\":\"INTERNAL\"}}] from us-east5-aiplatform.googleapis.com",
            500, ErrorKind.INTERNAL, "Google Vertex AI"),
        // https://github.com/Alishahryar1/free-claude-code/issues/1548
        Arguments.of(
            "⏺ API Error: 400 Upstream provider GEMINI returned HTTP 400.",
            400, ErrorKind.OTHER, "an upstream provider"),
        // https://github.com/Wei-Shaw/claude-relay-service/issues/1203
        Arguments.of(
            "API Error: 502 status code (no body). This is a server-side issue, usually temporary"
                + " — try again in a moment. If it persists, check your inference gateway (xxx:3000).",
            502, ErrorKind.SERVER, "an inference gateway"),
        // https://github.com/continuedev/continue/issues/12769 (nginx page behind Cloudflare)
        Arguments.of(
            "API Error: 502 <html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n"
                + "<center><h1>502 Bad Gateway</h1></center>\n<hr><center>nginx</center>\n</body>\n"
                + "</html>",
            502, ErrorKind.SERVER, "a proxy's HTML error page"),
        // https://github.com/decolua/9router/issues/24
        Arguments.of(
            "500 <!DOCTYPE html><html><head><meta charSet=\"utf-8\" data-next-head=\"\"/><title"
                + " data-next-head=\"\">500: Internal Server Error</title>",
            500, ErrorKind.INTERNAL, "a proxy's HTML error page"));
  }

  @ParameterizedTest(name = "{3}: {0}")
  @MethodSource("gateways")
  @DisplayName("names the gateway or provider an error came through")
  void namesTheGateway(String paste, int status, ErrorKind kind, String gateway) {
    ParsedError error = ErrorTextParser.parse(paste).orElseThrow();

    assertThat(error.httpStatus()).contains(status);
    assertThat(error.kind()).isEqualTo(kind);
    assertThat(error.origin()).isEqualTo(Origin.GATEWAY);
    assertThat(error.gateway()).contains(gateway);
  }

  @Test
  @DisplayName("Anthropic's own Cloudflare page and Envoy errors stay the API's")
  void keepsAnthropicsEdgeTheApis() {
    // https://github.com/anthropics/claude-code/issues/3197
    String cloudflare =
        "  ⎿  API Error (520 <!DOCTYPE html>\n<html class=\"no-js\" lang=\"en-US\"> <!--<![endif]-->\n"
            + "<head>\n<title>api.anthropic.com | 520: Web server is returning an unknown error"
            + "</title>";
    // https://github.com/anthropics/claude-code/issues/7403
    String envoy =
        "  ⎿  API Error (503 upstream connect error or disconnect/reset before headers. reset"
            + " reason: connection timeout) · Retrying in 5 seconds… (attempt 4/10)";

    ParsedError edge = ErrorTextParser.parse(cloudflare).orElseThrow();
    ParsedError upstream = ErrorTextParser.parse(envoy).orElseThrow();

    assertThat(edge.httpStatus()).contains(520);
    assertThat(edge.kind()).isEqualTo(ErrorKind.SERVER);
    assertThat(edge.origin()).isEqualTo(Origin.API);
    assertThat(edge.gateway()).isEmpty();
    assertThat(upstream.kind()).isEqualTo(ErrorKind.SERVER);
    assertThat(upstream.origin()).isEqualTo(Origin.API);
  }

  @Test
  @DisplayName("Claude Code's own lines are the API's")
  void readsPlainLinesAsTheApis() {
    assertThat(ErrorTextParser.parseAll(
            "API Error: 500 {\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":"
                + "\"Internal server error\"},\"request_id\":\"req_011CXmPAT8xd3GWgKxdq8TRC\"}\n"
                + "API Error: 529 Overloaded. This is a server-side issue, usually temporary — try"
                + " again in a moment. If it persists, check https://status.claude.com."))
        .allSatisfy(e -> {
          assertThat(e.origin()).isEqualTo(Origin.API);
          assertThat(e.gateway()).isEmpty();
        });
  }

  @Test
  @DisplayName("a gateway named in the prose line just above counts, one further away does not")
  void looksAtTheLineAbove() {
    String near = "we go through OpenRouter:\nAPI Error: 500 Internal server error.";
    String far =
        "we used to go through OpenRouter last year\n\n\n\n\n\n\n\n\n\n\n\n"
            + "API Error: 500 Internal server error.";

    assertThat(ErrorTextParser.parse(near).orElseThrow().gateway()).contains("OpenRouter");
    assertThat(ErrorTextParser.parse(far).orElseThrow().origin()).isEqualTo(Origin.API);
  }
}
