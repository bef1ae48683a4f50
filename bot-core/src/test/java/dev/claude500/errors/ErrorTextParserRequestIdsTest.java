package dev.claude500.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Request ids from the whole paste: labels, lists, wraps, and never a placeholder. */
class ErrorTextParserRequestIdsTest {
  private static final String ERROR = "API Error: 500 Internal server error. This is a server-side issue.\n";

  @Test
  @DisplayName("takes the id after a label on the same line or the next")
  void readsLabelledIds() {
    // https://github.com/anthropics/claude-code/issues/47436
    String sameLine = ERROR + "Request ID: req_011Ca21far44iwgStifUcxDk";
    String nextLine = ERROR + "request-id:\nreq_011Ca21far44iwgStifUcxDk";
    // https://github.com/anthropics/claude-code/issues/28626 (markdown and backticks)
    String markdown = ERROR + "**Request ID:** `req_011CYVALSrX44fa3VBaXRkEE`";

    assertThat(ErrorTextParser.parse(sameLine).orElseThrow().requestId())
        .contains("req_011Ca21far44iwgStifUcxDk");
    assertThat(ErrorTextParser.parse(nextLine).orElseThrow().requestId())
        .contains("req_011Ca21far44iwgStifUcxDk");
    assertThat(ErrorTextParser.parse(markdown).orElseThrow().requestId())
        .contains("req_011CYVALSrX44fa3VBaXRkEE");
  }

  @Test
  @DisplayName("takes the first id of a list below the error")
  void readsTheFirstIdOfAList() {
    String dashes =
        ERROR + "Request IDs:\n- req_011Ca5jZ1t9f8BBtegkA9hYh\n- req_011Ca5jiAogDnYKphfq71n31";
    // https://github.com/anthropics/claude-code/issues/48610 (a heading, a blank line, bullets)
    String bullets =
        "Actual API Error: 500 {\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":"
            + "\"Internal server error\"}}\n\nRequest IDs\n\n  • req_011Ca5jZ1t9f8BBtegkA9hYh\n"
            + "  • req_011Ca5jiAogDnYKphfq71n31\n  • req_011Ca5jizLf445VVdHVjrNZ3";

    assertThat(ErrorTextParser.parse(dashes).orElseThrow().requestId())
        .contains("req_011Ca5jZ1t9f8BBtegkA9hYh");
    assertThat(ErrorTextParser.parse(bullets).orElseThrow().requestId())
        .contains("req_011Ca5jZ1t9f8BBtegkA9hYh");
    assertThat(ErrorTextParser.parseAll(bullets)).hasSize(1);
  }

  @Test
  @DisplayName("joins an id a terminal wrapped across two lines, in a label or in a body")
  void joinsWrappedIds() {
    String label = ERROR + "Request ID: req_011CXmPAT8xd3G\nWgKxdq8TRC";
    String body =
        "API Error: 500 {\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal "
            + "server\n     error\"},\"request_id\":\"req_011CXmPAT8xd3GWgK\n     xdq8TRC\"}";
    String cutBody =
        "API Error: 500 {\"type\":\"error\",\"error\":{\"type\":\"api_error\"},\"request_id\":"
            + "\"req_011CXmPAT8xd3G\n     WgKxdq8TRC\"";

    assertThat(ErrorTextParser.parse(label).orElseThrow().requestId())
        .contains("req_011CXmPAT8xd3GWgKxdq8TRC");
    assertThat(ErrorTextParser.parse(body).orElseThrow().requestId())
        .contains("req_011CXmPAT8xd3GWgKxdq8TRC");
    assertThat(ErrorTextParser.parse(cutBody).orElseThrow().requestId())
        .contains("req_011CXmPAT8xd3GWgKxdq8TRC");
  }

  @Test
  @DisplayName("joins an id a stray space split inside a body's value")
  void joinsAnIdSplitByASpace() {
    // https://github.com/anthropics/claude-code/issues/24799
    String paste =
        "API Error: 500 {\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":"
            + "\"Internal server error\"},\"request_id\":\"req_011CY11TErVNj n5MhJPSbzt1\"}";

    assertThat(ErrorTextParser.parse(paste).orElseThrow().requestId())
        .contains("req_011CY11TErVNjn5MhJPSbzt1");
  }

  @Test
  @DisplayName("takes Vertex AI's req_vrtx_ ids, in a body and after a label")
  void readsVertexIds() {
    // https://github.com/anthropics/claude-code/issues/12429
    String body =
        "400: {\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":"
            + "\"Unexpected value(s) for the anthropic-beta header.\"},"
            + "\"request_id\":\"req_vrtx_011CVVmAGpANwSni83J9vMri\"}";
    String labelled = ERROR + "Request ID: req_vrtx_011CVVmAGpANwSni83J9vMri";

    assertThat(ErrorTextParser.parse(body).orElseThrow().requestId())
        .contains("req_vrtx_011CVVmAGpANwSni83J9vMri");
    assertThat(ErrorTextParser.parse(labelled).orElseThrow().requestId())
        .contains("req_vrtx_011CVVmAGpANwSni83J9vMri");
    assertThat(ErrorTextParser.parse(ERROR + "Request ID: req_vrtx_011CVV").orElseThrow().requestId())
        .isEmpty();
  }

  @Test
  @DisplayName("takes a gateway's short hex id after a label, not one standing alone")
  void readsShortHexIdsOnlyAfterALabel() {
    // https://github.com/Alishahryar1/free-claude-code/issues/772
    String paste =
        "Upstream provider OPENROUTER returned HTTP 402.\nCategory: api_error\n"
            + "Mapped message: Provider API request failed.\n\nUpstream error:\n"
            + "{\"error\":{\"message\":\"Insufficient credits. This account never purchased "
            + "credits.\",\"code\":402}}\n\nRequest ID: req_5885a728428d";
    String alone = ERROR + "\n\n\n\n\nsaw req_5885a728428d in the log";
    String tooShort = ERROR + "Request ID: req_5885a728";

    ParsedError best = ErrorTextParser.parse(paste).orElseThrow();

    assertThat(best.httpStatus()).contains(402);
    assertThat(best.requestId()).contains("req_5885a728428d");
    assertThat(ErrorTextParser.parse(alone).orElseThrow().requestId()).isEmpty();
    assertThat(ErrorTextParser.parse(tooShort).orElseThrow().requestId()).isEmpty();
  }

  @Test
  @DisplayName("does not join a whole id with the next line's word")
  void keepsAWholeIdWhole() {
    String paste = ERROR + "Request ID: req_011CXmPAT8xd3GWgKxdq8TRC\nThanks";

    assertThat(ErrorTextParser.parse(paste).orElseThrow().requestId())
        .contains("req_011CXmPAT8xd3GWgKxdq8TRC");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "req_...",
        "req_0",
        "req_xxx",
        "req_XXXXXXXX",
        "req_123",
        "req_aaaaaaaaaaaaaaaaaaaaaaaa",
        "req_011CXmPAT8",
        // https://github.com/anthropics/claude-code/issues/48623 (masked by hand)
        "req_011Ca5jh3y8y8XXXXXXXXX",
        // https://github.com/Alishahryar1/free-claude-code/issues/1505 (masked)
        "req_6bc14724****3d25d38ce",
        "*************"
      })
  @DisplayName("never takes a placeholder, a masked or a short id")
  void ignoresPlaceholders(String id) {
    String labelled = ERROR + "Request ID: " + id;
    String inBody =
        "API Error: 500 {\"type\":\"error\",\"error\":{\"type\":\"api_error\"},\"request_id\":\""
            + id + "\"}";

    assertThat(ErrorTextParser.parseAll(labelled)).allSatisfy(e -> assertThat(e.requestId()).isEmpty());
    assertThat(ErrorTextParser.parse(inBody).orElseThrow().requestId()).isEmpty();
  }

  @Test
  @DisplayName("takes a proxy's longer id")
  void readsLongerIds() {
    // https://github.com/Alishahryar1/free-claude-code/issues/1458
    String paste =
        " API Error: 500 Upstream provider NIM returned an error.\n"
            + "  Category: internal_server_error\n  Mapped message: Provider API request failed.\n\n"
            + "  Upstream error:\n"
            + "  {\"message\":\"Internal server error\",\"type\":\"internal_server_error\",\"code\":500}\n\n"
            + "  Request ID: req_d5b61c35adad4a998d10e4b5ec40d68c. This is a server-side issue,"
            + " usually temporary — try again\n  in a moment. If it persists, check your inference"
            + " gateway (127.0.0.1:8082).";

    ParsedError best = ErrorTextParser.parse(paste).orElseThrow();

    assertThat(best.httpStatus()).contains(500);
    assertThat(best.requestId()).contains("req_d5b61c35adad4a998d10e4b5ec40d68c");
  }
}
