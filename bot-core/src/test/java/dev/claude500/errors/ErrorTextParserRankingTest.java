package dev.claude500.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which error of a paste {@code parse} picks, and how plural and paired mentions are read. */
class ErrorTextParserRankingTest {
  @Test
  @DisplayName("a 529 line below a request id line and 'due to an API error:' is the best error")
  void picksTheLineWithAStatusOverWeakOnes() {
    String paste =
        // request id line as in https://github.com/anthropics/claude-code/issues/47436
        "Request ID: req_011Ca21far44iwgStifUcxDk\n"
            // agent line as in https://github.com/anthropics/claude-code/issues/81327
            + "⏺ Agent \"Build system\" failed: Agent terminated early due to an API error:\n"
            + " API Error: 529 {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
            + "\"message\":\"Overloaded\"},\"request_id\":null}";

    ParsedError best = ErrorTextParser.parse(paste).orElseThrow();
    List<ParsedError> all = ErrorTextParser.parseAll(paste);

    assertThat(best.httpStatus()).contains(529);
    assertThat(best.type()).contains("overloaded_error");
    assertThat(best.kind()).isEqualTo(ErrorKind.OVERLOADED);
    assertThat(best.requestId()).contains("req_011Ca21far44iwgStifUcxDk");
    assertThat(all).extracting(ParsedError::httpStatus)
        .containsExactly(Optional.empty(), Optional.empty(), Optional.of(529));
  }

  @Test
  @DisplayName("an agent's failure line gives its 529, not the prose before it")
  void readsTheAgentFailureLine() {
    // https://github.com/anthropics/claude-code/issues/81327
    String paste =
        "⏺ Agent \"Build system: ctn images + baked store\" failed: Agent terminated early due to"
            + " an API error: API Error: 529 Overloaded. This is a server-side issue, usually"
            + " temporary — try again in a moment. If it persists, check https://status.claude.com.";

    ParsedError best = ErrorTextParser.parse(paste).orElseThrow();

    assertThat(best.httpStatus()).contains(529);
    assertThat(best.message()).hasValueSatisfying(m -> assertThat(m).startsWith("Overloaded."));
  }

  @Test
  @DisplayName("among errors as strong, the first one wins; parseAll keeps the order")
  void tiesKeepTheOrderOfAppearance() {
    String paste =
        "API Error: 529 Overloaded. This is a server-side issue, usually temporary\n"
            + "API Error: 500 Internal server error. This is a server-side issue, usually temporary";

    assertThat(ErrorTextParser.parse(paste).orElseThrow().httpStatus()).contains(529);
    assertThat(ErrorTextParser.parseAll(paste)).extracting(e -> e.httpStatus().orElseThrow())
        .containsExactly(529, 500);
  }

  @Test
  @DisplayName("Claude Code's line beats a status named in prose before it")
  void aLineBeatsAMention() {
    String paste = "we keep getting 500 errors today\nAPI Error: 529 Overloaded.";

    assertThat(ErrorTextParser.parse(paste).orElseThrow().httpStatus()).contains(529);
  }

  @Test
  @DisplayName("the best error without an id gets the paste's, never one another error holds")
  void givesThePasteRequestIdOnlyWhenFree() {
    String taken =
        "API Error: 529 Overloaded.\n"
            + "API Error: 500 {\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":"
            + "\"Internal server error\"},\"request_id\":\"req_011CXmPAT8xd3GWgKxdq8TRC\"}";
    String free = "API Error: 529 Overloaded.\n\n\n\n\nsupport wants it: req_011CZTEFvft13DajMTp9pp64";

    assertThat(ErrorTextParser.parse(taken).orElseThrow().requestId()).isEmpty();
    assertThat(ErrorTextParser.parse(free).orElseThrow().requestId())
        .contains("req_011CZTEFvft13DajMTp9pp64");
  }

  @Test
  @DisplayName("the same error shown twice gives the best one the id the other holds")
  void sharesTheIdOfTheSameErrorShownTwice() {
    // https://github.com/anthropics/claude-code/issues/70348 (named in prose, then logged)
    String logged =
        "API error on both claude sonnet and opus 4.8. 500 and 529 error codes showing up\n\n"
            + "[{\"error\":\"Error: 500 {\\\"type\\\":\\\"error\\\",\\\"error\\\":{\\\"type\\\":"
            + "\\\"api_error\\\",\\\"message\\\":\\\"Internal server error\\\"},"
            + "\\\"request_id\\\":\\\"req_011CcLLH6EDEJDyc2EbFP7CU\\\"}\\n"
            + "    at generate (/$bunfs/root/src/entrypoints/cli.js:12:69548)";
    // https://github.com/Alishahryar1/free-claude-code/issues/1228 (a gateway's line, then its
    // upstream's body with the id below it)
    String upstream =
        " API Error: Request rejected (429) · Upstream provider NIM returned HTTP 429.\n"
            + "  Category: rate_limit\n  Mapped message: Provider rate limit reached. Please retry"
            + " shortly.\n\n  Upstream error:\n  {\"status\":429,\"title\":\"Too Many Requests\"}\n\n"
            + "  Request ID: req_eaa7e94be8ce47ceb623b5d4294b91dc   \nCAn you say reason of this?";

    ParsedError fromLog = ErrorTextParser.parse(logged).orElseThrow();
    ParsedError fromGateway = ErrorTextParser.parse(upstream).orElseThrow();

    assertThat(fromLog.httpStatus()).contains(500);
    assertThat(fromLog.requestId()).contains("req_011CcLLH6EDEJDyc2EbFP7CU");
    assertThat(fromGateway.httpStatus()).contains(429);
    assertThat(fromGateway.line()).startsWith("API Error: Request rejected (429)");
    assertThat(fromGateway.requestId()).contains("req_eaa7e94be8ce47ceb623b5d4294b91dc");
  }

  @Test
  @DisplayName("an error raised on the user's machine beats a request id standing alone")
  void aClientErrorBeatsAnIdAlone() {
    // https://github.com/anthropics/claude-code/issues/74048, after an id line as in #47436
    String paste =
        "Request ID: req_011Ca21far44iwgStifUcxDk\n\n\n\n\n"
            + "⏺ Request too large (max 32MB). Double press esc to go back and try with a smaller file.";

    assertThat(ErrorTextParser.parse(paste).orElseThrow().line())
        .isEqualTo("Request too large (max 32MB).");
  }

  @Test
  @DisplayName("reads plural mentions: 500 Internal Server Errors, getting 500 errors, HTTP 500s")
  void readsPluralMentions() {
    assertThat(ErrorTextParser.parse("seeing 500 Internal Server Errors since 9am").orElseThrow()
            .httpStatus()).contains(500);
    assertThat(ErrorTextParser.parse("I'm getting 500 errors on every prompt").orElseThrow()
            .kind()).isEqualTo(ErrorKind.INTERNAL);
    assertThat(ErrorTextParser.parse("HTTP 500s all morning").orElseThrow().httpStatus())
        .contains(500);
    assertThat(ErrorTextParser.parse("got a 500 error again").orElseThrow().httpStatus())
        .contains(500);
    assertThat(ErrorTextParser.parseAll("we have 500 users and 429 open tickets")).isEmpty();
  }

  @Test
  @DisplayName("a pair gives both errors, and the first server-side one is the best")
  void readsPairedMentions() {
    // https://github.com/anthropics/claude-code/issues/70348
    String both = "API error on both claude sonnet and opus 4.8. 500 and 529 error codes showing up";
    // https://github.com/anthropics/claude-code/issues/65673
    String cloudflareFirst = "520 and 500 error when using claude code today";
    String clientFirst = "we get 401 and 503 errors from the proxy";

    assertThat(ErrorTextParser.parseAll(both)).extracting(e -> e.httpStatus().orElseThrow())
        .containsExactly(500, 529);
    assertThat(ErrorTextParser.parse(both).orElseThrow().httpStatus()).contains(500);
    assertThat(ErrorTextParser.parseAll(cloudflareFirst)).extracting(ParsedError::kind)
        .containsExactly(ErrorKind.SERVER, ErrorKind.INTERNAL);
    assertThat(ErrorTextParser.parse(clientFirst).orElseThrow().httpStatus()).contains(503);
  }
}
