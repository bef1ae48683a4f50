package dev.claude500.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.testing.PrintedErrorLines;
import dev.claude500.testing.PrintedErrorLines.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorTextParserTest {
  static Stream<Row> rows() {
    return PrintedErrorLines.all().stream();
  }

  static Stream<Arguments> rowsManglings() {
    return PrintedErrorLines.all().stream()
        .flatMap(row -> Mangling.ways().stream().map(way -> Arguments.of(way, row)));
  }

  private static void assertReads(ParsedError error, Row row, String expectedLine) {
    assertThat(error.httpStatus()).as("status").isEqualTo(row.httpStatus());
    assertThat(error.type()).as("type").isEqualTo(row.type());
    assertThat(error.requestId()).as("request id").isEqualTo(row.requestId());
    assertThat(error.line()).as("line").isEqualTo(expectedLine);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  @DisplayName("reads the exact status, type and request id of every printed line")
  void readsEveryPrintedLine(Row row) {
    List<ParsedError> errors = ErrorTextParser.parseAll(row.text());

    assertThat(errors).hasSize(1);
    assertReads(errors.get(0), row, row.withoutPrefix());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("rowsManglings")
  @DisplayName("reads every printed line however the chat mangled it")
  void readsEveryMangledLine(Mangling.Way way, Row row) {
    List<ParsedError> errors = ErrorTextParser.parseAll(way.mangle().apply(row.text()));

    assertThat(errors).hasSize(1);
    assertReads(errors.get(0), row, way.expectedLine().apply(row.withoutPrefix()));
  }

  @Test
  @DisplayName("finds every error of a multi-line paste, in order, whatever the line endings")
  void readsSeveralLinesInOrder() {
    List<Row> rows = PrintedErrorLines.all();
    for (String newline : List.of("\n", "\r\n", "\r", "\n\n")) {
      String paste = rows.stream().map(Row::text).collect(Collectors.joining(newline));

      List<ParsedError> errors = ErrorTextParser.parseAll(paste);

      assertThat(errors).hasSameSizeAs(rows);
      for (int i = 0; i < rows.size(); i++) {
        assertReads(errors.get(i), rows.get(i), rows.get(i).withoutPrefix());
      }
    }
  }

  @Test
  @DisplayName("finds several errors on one line, and each of several mangled pastes")
  void readsSeveralErrorsOnOneLineAndMangledPastes() {
    List<Row> rows = PrintedErrorLines.all();
    String oneLine = rows.stream().map(Row::withoutPrefix).collect(Collectors.joining(" "));
    List<String> mangledPastes = new ArrayList<>();
    for (Mangling.Way way : Mangling.ways()) {
      mangledPastes.add(
          rows.stream().map(r -> way.mangle().apply(r.text())).collect(Collectors.joining("\n")));
    }

    assertThat(ErrorTextParser.parseAll(oneLine)).hasSameSizeAs(rows);
    for (String paste : mangledPastes) {
      List<ParsedError> errors = ErrorTextParser.parseAll(paste);
      assertThat(errors).as(paste).hasSameSizeAs(rows);
      for (int i = 0; i < rows.size(); i++) {
        assertThat(errors.get(i).httpStatus()).isEqualTo(rows.get(i).httpStatus());
        assertThat(errors.get(i).type()).isEqualTo(rows.get(i).type());
        assertThat(errors.get(i).requestId()).isEqualTo(rows.get(i).requestId());
      }
    }
  }

  @Test
  @DisplayName("parse returns the best error: a rate limit before an error without a status")
  void parseReturnsTheBest() {
    Optional<ParsedError> best =
        ErrorTextParser.parse("API Error: Operation aborted\nAPI Error: Rate limit reached");
    Optional<ParsedError> firstOfEquals =
        ErrorTextParser.parse("API Error: Operation aborted\nAPI Error: Request was aborted.");

    assertThat(best).map(ParsedError::message).contains(Optional.of("Rate limit reached"));
    assertThat(firstOfEquals).map(ParsedError::message).contains(Optional.of("Operation aborted"));
    assertThat(ErrorTextParser.parse("all good")).isEmpty();
  }

  @Test
  @DisplayName("tells the kinds apart")
  void tellsKindsApart() {
    assertThat(kinds(PrintedErrorLines.all().stream().map(Row::text).collect(Collectors.joining("\n"))))
        .containsExactly(
            ErrorKind.INTERNAL,
            ErrorKind.INTERNAL,
            ErrorKind.OVERLOADED,
            ErrorKind.OVERLOADED,
            ErrorKind.OVERLOADED,
            ErrorKind.OVERLOADED,
            ErrorKind.INTERNAL,
            ErrorKind.INTERNAL,
            ErrorKind.AUTHENTICATION,
            ErrorKind.AUTHENTICATION,
            ErrorKind.RATE_LIMIT,
            ErrorKind.RATE_LIMIT,
            ErrorKind.OTHER);
  }

  private static List<ErrorKind> kinds(String text) {
    return ErrorTextParser.parseAll(text).stream().map(ParsedError::kind).toList();
  }

  @Test
  @DisplayName("reads a bare JSON error body, on one line or pretty-printed")
  void readsBareBodies() {
    String body =
        "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal server error\"},"
            + "\"request_id\":\"req_011CXmPAT8xd3GWgKxdq8TRC\"}";
    String pretty =
        "```json\n{\n  \"type\": \"error\",\n  \"error\": {\n    \"type\": \"overloaded_error\",\n"
            + "    \"message\": \"Overloaded\"\n  },\n  \"request_id\": null\n}\n```";
    String stream = "event: error\ndata: " + body.replace("api_error", "overloaded_error");

    ParsedError one = ErrorTextParser.parse(body).orElseThrow();
    ParsedError two = ErrorTextParser.parse(pretty).orElseThrow();
    ParsedError three = ErrorTextParser.parse(stream).orElseThrow();

    assertThat(one.httpStatus()).isEmpty();
    assertThat(one.type()).contains("api_error");
    assertThat(one.message()).contains("Internal server error");
    assertThat(one.requestId()).contains("req_011CXmPAT8xd3GWgKxdq8TRC");
    assertThat(one.line()).isEqualTo(body);
    assertThat(two.type()).contains("overloaded_error");
    assertThat(two.requestId()).isEmpty();
    assertThat(two.line()).doesNotContain("\n").startsWith("{ \"type\": \"error\",");
    assertThat(three.kind()).isEqualTo(ErrorKind.OVERLOADED);
  }

  @Test
  @DisplayName("a status printed just before a bare body on its line is the body's")
  void readsTheStatusBeforeABody() {
    // https://github.com/anthropics/claude-code/issues/35685
    String overloaded =
        "  ⎿  529 {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":"
            + "\"Overloaded\"},\"request_id\":\"req_011CZA53Xj43unMRHVnP9p17\"}\n"
            + "     Retrying in 19 seconds… (attempt 10/10)";
    // https://github.com/anthropics/claude-code/issues/12429
    String colon =
        "400: {\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":"
            + "\"Unexpected value(s) for the anthropic-beta header.\"}}";
    String notAStatus = "build 1.529 {\"type\":\"error\",\"error\":{\"type\":\"api_error\"}}";

    List<ParsedError> all = ErrorTextParser.parseAll(overloaded);
    ParsedError invalid = ErrorTextParser.parse(colon).orElseThrow();

    assertThat(all).hasSize(1);
    assertThat(all.get(0).httpStatus()).contains(529);
    assertThat(all.get(0).kind()).isEqualTo(ErrorKind.OVERLOADED);
    assertThat(all.get(0).line()).startsWith("529 {\"type\":\"error\"");
    assertThat(invalid.httpStatus()).contains(400);
    assertThat(invalid.type()).contains("invalid_request_error");
    assertThat(ErrorTextParser.parse(notAStatus).orElseThrow().httpStatus()).isEmpty();
  }

  @Test
  @DisplayName("an error read without a status takes its kind's status when the paste names it")
  void takesTheStatusOfItsKindNamedElsewhere() {
    // https://github.com/anthropics/claude-code/issues/47436 (the status on a line of its own)
    String pretty =
        "Error Details:\njson{\n  \"type\": \"error\",\n  \"error\": {\n    \"type\": \"api_error\",\n"
            + "    \"message\": \"Internal server error\"\n  }\n}\nEnvironment:\n\n"
            + "Tool: Claude Code (CLI)\nHTTP Status: 500\nError Type: api_error";
    // https://github.com/anthropics/claude-code/issues/21437 (the status in prose)
    String prose =
        "Hi, around 30 min experiencing issue 529, please take attention, please.\n\n"
            + "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":"
            + "\"Overloaded\"},\"request_id\":\"req_011CXZgUyBApCoRwLa3THmXT\"}";
    String otherKind =
        "we saw 500 and then {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\"}}";
    String notStandalone =
        "see issue #529, 1,529 retries, 529ms: {\"type\":\"error\",\"error\":"
            + "{\"type\":\"overloaded_error\"}}";

    ParsedError fromLine = ErrorTextParser.parse(pretty).orElseThrow();
    ParsedError fromProse = ErrorTextParser.parse(prose).orElseThrow();

    assertThat(fromLine.httpStatus()).contains(500);
    assertThat(fromLine.type()).contains("api_error");
    assertThat(fromProse.httpStatus()).contains(529);
    assertThat(fromProse.kind()).isEqualTo(ErrorKind.OVERLOADED);
    assertThat(fromProse.requestId()).contains("req_011CXZgUyBApCoRwLa3THmXT");
    assertThat(ErrorTextParser.parseAll(otherKind))
        .filteredOn(e -> e.kind() == ErrorKind.OVERLOADED)
        .singleElement()
        .satisfies(e -> assertThat(e.httpStatus()).isEmpty());
    assertThat(ErrorTextParser.parse(notStandalone).orElseThrow().httpStatus()).isEmpty();
  }

  @Test
  @DisplayName("reads errors raised on the user's machine: a request too large, npm's install errors")
  void readsClientErrors() {
    // https://github.com/anthropics/claude-code/issues/74048
    String tooLarge =
        "⏺ Request too large (max 32MB). Double press esc to go back and try with a smaller file.";
    // https://github.com/anthropics/claude-code/issues/3951 (npm 10)
    String npm =
        "user@ubuntuVM:~$ npm install -g @anthropic-ai/claude-code\nnpm error code EACCES\n"
            + "npm error syscall mkdir\nnpm error path /usr/local/lib/node_modules/@anthropic-ai\n"
            + "npm error errno -13\nnpm error Error: EACCES: permission denied, mkdir "
            + "'/usr/local/lib/node_modules/@anthropic-ai'";
    // https://github.com/anthropics/claude-code/issues/43 (a comment; npm before 10)
    String oldNpm =
        "npm ERR! code EACCES\nnpm ERR! syscall symlink\n"
            + "npm ERR! path ../lib/node_modules/@anthropic-ai/claude-code/cli.js\n"
            + "npm ERR! dest /usr/local/bin/claude\nnpm ERR! errno -13\n"
            + "npm ERR! Error: EACCES: permission denied, symlink "
            + "'../lib/node_modules/@anthropic-ai/claude-code/cli.js' -> '/usr/local/bin/claude'";

    ParsedError large = ErrorTextParser.parse(tooLarge).orElseThrow();
    List<ParsedError> install = ErrorTextParser.parseAll(npm);
    ParsedError old = ErrorTextParser.parse(oldNpm).orElseThrow();

    assertThat(large.kind()).isEqualTo(ErrorKind.OTHER);
    assertThat(large.httpStatus()).isEmpty();
    assertThat(large.line()).isEqualTo("Request too large (max 32MB).");
    assertThat(install).hasSize(1);
    assertThat(install.get(0).kind()).isEqualTo(ErrorKind.OTHER);
    assertThat(install.get(0).httpStatus()).isEmpty();
    assertThat(install.get(0).line()).isEqualTo("npm error code EACCES");
    assertThat(install.get(0).message())
        .contains("EACCES: permission denied, mkdir '/usr/local/lib/node_modules/@anthropic-ai'");
    assertThat(old.line()).isEqualTo("npm ERR! code EACCES");
    assertThat(old.message()).hasValueSatisfying(m -> assertThat(m).startsWith("EACCES: permission"));
    assertThat(ErrorTextParser.parseAll("the request was too large, and npm is fine")).isEmpty();
  }

  @Test
  @DisplayName("salvages a body the terminal cut or a chat mangled")
  void salvagesCutBodies() {
    ParsedError cut =
        ErrorTextParser.parse(
                "API Error: 500 {\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal ser")
            .orElseThrow();
    ParsedError cutAfterId =
        ErrorTextParser.parse(
                "API Error: 529 {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\"},"
                    + "\"request_id\":\"req_011CZTEFvft13DajMTp9pp64\"")
            .orElseThrow();
    ParsedError bareCut =
        ErrorTextParser.parse("{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"mess")
            .orElseThrow();

    assertThat(cut.httpStatus()).contains(500);
    assertThat(cut.type()).contains("api_error");
    assertThat(cut.message()).contains("Internal ser");
    assertThat(cutAfterId.requestId()).contains("req_011CZTEFvft13DajMTp9pp64");
    assertThat(bareCut.type()).contains("rate_limit_error");
  }

  @Test
  @DisplayName("reads plain mentions and request-id headers")
  void readsPlainMentions() {
    ParsedError phrase = ErrorTextParser.parse("proxy says 500 Internal Server Error").orElseThrow();
    ParsedError typed = ErrorTextParser.parse("got 529 overloaded_error twice").orElseThrow();
    List<ParsedError> headers =
        ErrorTextParser.parseAll(
            "HTTP/1.1 500 Internal Server Error\ncontent-type: application/json\n"
                + "request-id: req_011CXmPAT8xd3GWgKxdq8TRC");
    ParsedError idOnly =
        ErrorTextParser.parse("support asked for it: request_id: req_011CUaZ4mJm3DzWNx5dQrQ2h")
            .orElseThrow();
    ParsedError status = ErrorTextParser.parse("curl said HTTP 503, twice").orElseThrow();

    assertThat(phrase.httpStatus()).contains(500);
    assertThat(phrase.type()).isEmpty();
    assertThat(phrase.kind()).isEqualTo(ErrorKind.INTERNAL);
    assertThat(typed.httpStatus()).contains(529);
    assertThat(typed.type()).contains("overloaded_error");
    assertThat(headers).hasSize(1);
    assertThat(headers.get(0).httpStatus()).contains(500);
    assertThat(headers.get(0).requestId()).contains("req_011CXmPAT8xd3GWgKxdq8TRC");
    assertThat(idOnly.requestId()).contains("req_011CUaZ4mJm3DzWNx5dQrQ2h");
    assertThat(idOnly.httpStatus()).isEmpty();
    assertThat(status.httpStatus()).contains(503);
  }

  @Test
  @DisplayName("joins a request id printed under an error line that has none")
  void joinsRequestIdBelow() {
    List<ParsedError> errors =
        ErrorTextParser.parseAll(
            "API Error: 500 Internal server error\n(request_id: req_011CXmPAT8xd3GWgKxdq8TRC)");

    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).requestId()).contains("req_011CXmPAT8xd3GWgKxdq8TRC");
  }

  @Test
  @DisplayName("does not read an API Error quoted inside a body as a second error")
  void ignoresHeaderInsideBody() {
    List<ParsedError> errors =
        ErrorTextParser.parseAll(
            "API Error: 502 {\"type\":\"error\",\"error\":{\"type\":\"api_error\","
                + "\"message\":\"upstream said API Error: 500 twice\"}}");

    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).httpStatus()).contains(502);
  }

  static Stream<Arguments> otherForms() {
    return Stream.of(
        Arguments.of(
            "API Error (Request timed out.) · Retrying in 1 seconds… (attempt 1/10)",
            null, null, "Request timed out.",
            "API Error (Request timed out.) · Retrying in 1 seconds… (attempt 1/10)"),
        Arguments.of("API Error: 500", 500, null, null, "API Error: 500"),
        Arguments.of(
            "api error: 529 overloaded_error", 529, "overloaded_error", "overloaded_error",
            "api error: 529 overloaded_error"),
        Arguments.of(
            "API Error: 529 Overloaded. (overloaded_error) see above", 529, "overloaded_error",
            "Overloaded. (overloaded_error) see above",
            "API Error: 529 Overloaded. (overloaded_error) see above"),
        Arguments.of(
            "API Error: 500\n{\n  \"type\": \"error\",\n  \"error\": {\"type\": \"api_error\"}\n}",
            500, "api_error", null,
            "API Error: 500 { \"type\": \"error\", \"error\": {\"type\": \"api_error\"} }"),
        Arguments.of(
            "I keep getting API Error 500s since this morning", 500, null, null,
            "I keep getting API Error 500s since this morning"),
        // https://github.com/anthropics/anthropic-sdk-python/issues/1401 (markdown bold italic)
        Arguments.of(
            "this ERROR appear:\n\n**_API Error: 500 {\"type\":\"error\",\"error\":{\"type\":"
                + "\"api_error\",\"message\":\"Internal server error\"},\"request_id\":"
                + "\"req_011Ca5jT26PAhqribQG6Mq2d\"} · check status.claude.com_**",
            500, "api_error", "Internal server error",
            "API Error: 500 {\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":"
                + "\"Internal server error\"},\"request_id\":\"req_011Ca5jT26PAhqribQG6Mq2d\"}"
                + " · check status.claude.com"),
        // https://github.com/anthropics/claude-code/issues/6784 (the status after the host)
        Arguments.of(
            "API Error (api.anthropic.com | 504: Gateway time-out) · Retrying in 5 seconds… "
                + "(attempt 4/10)",
            504, null, "api.anthropic.com | 504: Gateway time-out",
            "API Error (api.anthropic.com | 504: Gateway time-out) · Retrying in 5 seconds… "
                + "(attempt 4/10)"),
        // https://github.com/lbjlaq/Antigravity-Manager/issues/112 (the status in the message)
        Arguments.of(
            "I get the `API Error: Repeated 529 Overloaded errors\n` error after 2 minutes",
            529, null, "Repeated 529 Overloaded errors", "API Error: Repeated 529 Overloaded errors"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("otherForms")
  @DisplayName("reads other forms Claude Code and people print")
  void readsOtherForms(String text, Integer status, String type, String message, String line) {
    ParsedError error = ErrorTextParser.parse(text).orElseThrow();

    assertThat(error.httpStatus()).isEqualTo(Optional.ofNullable(status));
    assertThat(error.type()).isEqualTo(Optional.ofNullable(type));
    assertThat(error.message()).isEqualTo(Optional.ofNullable(message));
    assertThat(error.line()).isEqualTo(line);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "\n\n\t",
        "hello",
        "🔥🔥 it's down again? 😭",
        "{\"type\":\"message\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}",
        "{\"error\": \"nope\"}",
        "{\"type\":\"message\",\"content\":\"hel",
        "{\"type\": \"content_block_delta\", \"delta\": {\"type\": \"text_delta\"",
        "[1, 2, 3]",
        "what does API Error mean?",
        "we have 500 users and 429 open tickets",
        "req_ and request_id alone",
        "```\n```",
        "&lt;&gt;&amp;&quot;",
        "<https://status.claude.com|status.claude.com> looks green"
      })
  @DisplayName("finds nothing in text without an error")
  void findsNothingInGarbage(String text) {
    assertThat(ErrorTextParser.parseAll(text)).isEmpty();
  }
}
