package dev.claude500.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.testing.PrintedErrorLines;
import dev.claude500.testing.PrintedErrorLines.Row;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ErrorTextParserPropertiesTest {
  private static final List<Row> ROWS = PrintedErrorLines.all();

  /** Characters that mean something to the parser, so random text keeps hitting its paths. */
  private static final String SIGNIFICANT =
      "API Error:(){}[]\"'“”`⎿·∙•…,5029431req_id-request_typeorsagmxpRIDXhlntu&;#<>|/\\ \n\r\t"
          + "\u0000\uD800\uDC00";

  @Property(tries = 400)
  void neverThrowsAndStaysBoundedOnAnyString(@ForAll("anyText") String text) {
    assertBounded(ErrorTextParser.parseAll(text));
  }

  @Property(tries = 400)
  void neverThrowsAndStaysBoundedOnTextMadeOfWhatItLooksFor(@ForAll("significantText") String text) {
    assertBounded(ErrorTextParser.parseAll(text));
  }

  @Property(tries = 400)
  void findsAPrintedLineSplicedBetweenNoiseWhateverTwoManglingsItWentThrough(
      @ForAll("rows") Row row,
      @ForAll("ways") Mangling.Way first,
      @ForAll("ways") Mangling.Way second,
      @ForAll("noise") String before,
      @ForAll("noise") String after) {
    String pasted = before + "\n" + second.mangle().apply(first.mangle().apply(row.text())) + "\n" + after;

    List<ParsedError> errors = ErrorTextParser.parseAll(pasted);

    assertBounded(errors);
    assertThat(errors)
        .as(pasted)
        .anySatisfy(
            e -> {
              assertThat(e.httpStatus()).isEqualTo(row.httpStatus());
              assertThat(e.type()).isEqualTo(row.type());
              assertThat(e.requestId()).isEqualTo(row.requestId());
            });
  }

  @Property(tries = 200)
  void neverThrowsOnPrintedLinesCutAnywhereAndSplicedWithNoise(
      @ForAll("rows") Row row, @ForAll("noise") String noise, @ForAll("fraction") double at) {
    String text = row.text();
    int cut = (int) (at * text.length());

    assertBounded(ErrorTextParser.parseAll(text.substring(0, cut) + noise + text.substring(cut)));
    assertBounded(ErrorTextParser.parseAll(noise + text.substring(0, cut)));
  }

  @Property(tries = 100)
  void staysBoundedOnPrintedLinesWithLongRunsOnOneLine(
      @ForAll("rows") Row row, @ForAll("longRuns") String run, @ForAll("fraction") double at) {
    String text = row.text();
    int cut = (int) (at * text.length());

    assertBounded(ErrorTextParser.parseAll(text.substring(0, cut) + run + text.substring(cut)));
    assertBounded(ErrorTextParser.parseAll(text + " " + run));
  }

  @Property(tries = 300)
  void parsePicksOneOfTheErrorsAndTakesOnlyWellFormedIds(@ForAll("significantText") String text) {
    List<ParsedError> all = ErrorTextParser.parseAll(text);
    Optional<ParsedError> best = ErrorTextParser.parse(text);

    assertThat(best.isPresent()).isEqualTo(!all.isEmpty());
    best.ifPresent(b -> assertThat(all).anySatisfy(e -> assertSameButId(b, e)));
    for (ParsedError e : all) {
      e.requestId().ifPresent(id -> assertThat(RequestIds.isWellFormed(id, true)).as(id).isTrue());
    }
    best.flatMap(ParsedError::requestId)
        .ifPresent(id -> assertThat(RequestIds.isWellFormed(id, true)).as(id).isTrue());
  }

  @Property(tries = 30)
  void staysBoundedOnHugePastesOfHostileRepeats(
      @ForAll("hostileUnits") String unit, @ForAll("noise") String noise) {
    String once = unit + noise;
    String huge = once.repeat(ErrorTextParser.MAX_CHARS_CONSIDERED / once.length() + 2);

    assertBounded(ErrorTextParser.parseAll(huge));
    ErrorTextParser.parse(huge).ifPresent(e -> assertBounded(List.of(e)));
  }

  private static void assertSameButId(ParsedError best, ParsedError one) {
    assertThat(best.line()).isEqualTo(one.line());
    assertThat(best.httpStatus()).isEqualTo(one.httpStatus());
    assertThat(best.kind()).isEqualTo(one.kind());
    assertThat(best.origin()).isEqualTo(one.origin());
    if (one.requestId().isPresent()) {
      assertThat(best.requestId()).isEqualTo(one.requestId());
    }
  }

  private static void assertBounded(List<ParsedError> errors) {
    assertThat(errors).hasSizeLessThanOrEqualTo(ErrorTextParser.MAX_ERRORS);
    for (ParsedError e : errors) {
      assertThat(e.line().length()).isLessThanOrEqualTo(ErrorTextParser.MAX_LINE_CHARS);
      assertThat(e.line()).doesNotContain("\n", "\r");
      e.message().ifPresent(m -> assertThat(m.length()).isLessThanOrEqualTo(ErrorTextParser.MAX_LINE_CHARS));
      assertThat(hasLoneSurrogate(e.line())).as("lone surrogate in %s", e.line()).isFalse();
      e.resets().ifPresent(r -> assertThat(r.length()).isLessThanOrEqualTo(ErrorTextParser.MAX_LINE_CHARS));
      assertThat(e.gateway().isPresent()).isEqualTo(e.origin() == Origin.GATEWAY);
    }
  }

  private static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return true;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.strings().all().ofMaxLength(3_000);
  }

  @Provide
  Arbitrary<String> significantText() {
    Arbitrary<String> soup = Arbitraries.strings().withChars(SIGNIFICANT).ofMaxLength(2_000);
    Arbitrary<String> pieces =
        Arbitraries.of(
            "API Error: ", "API Error (", "500 ", "529 ", "{\"type\":\"error\",", "\"error\":{",
            "\"type\":\"api_error\"", "\"message\":\"", "\\\"", "\\u00", "\"request_id\":",
            "req_011CXmPAT8xd3GWgKxdq8TRC", "null}", "}", " · Retrying in 4 seconds… (attempt 4/10)",
            "&quot;", "&lt;", "&amp;", "&#39;", "<https://status.claude.com|", ">", "```json\n",
            "request-id: ", "HTTP/1.1 ", "Internal Server Error", "overloaded_error", "\r\n",
            "Request ID: ", "Request IDs:\n- ", "\n  • ", "req_", "req_011CXmPAT8xd3G\n",
            "     WgKxdq8TRC", "req_XXXXXXXX", "You've hit your session limit", " · resets ",
            "5pm (Europe/Paris)", "Claude usage limit reached. Your limit will reset at ",
            "Authorization failed\n", "OAuth error: Request failed with status code ", "500",
            "Failed to load resource: the server responded with a status of 500 ()",
            "Please run /login", "Invalid API key", "claude.ai/oauth/authorize", " sign in ",
            "litellm.InternalServerError: ", "\"provider_name\"", "<!DOCTYPE html>", "<html>",
            "Upstream provider NIM", " and 529 error codes", " errors", "HTTP 500s",
            "\"code\":\"500\"", " · Rate limited", "due to an API error:\n");
    Arbitrary<String> spliced = pieces.list().ofMaxSize(60).map(l -> String.join("", l));
    return Arbitraries.oneOf(soup, spliced, Combinators.combine(spliced, soup).as(String::concat));
  }

  /** Runs without a line break, longer than a line is kept, some of them made of what the parser reads. */
  @Provide
  Arbitrary<String> longRuns() {
    Arbitrary<String> plain = Arbitraries.strings().alpha().numeric().withChars(" .,:\"{}").ofMinLength(2_500)
        .ofMaxLength(12_000);
    Arbitrary<String> json = Arbitraries.integers().between(2_500, 12_000)
        .map(n -> "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"" + "m".repeat(n) + "\"}}");
    return Arbitraries.oneOf(plain, json);
  }

  /** Units that make each reader work hardest when a paste repeats them to its limit. */
  @Provide
  Arbitrary<String> hostileUnits() {
    return Arbitraries.of(
        "Request ID:", "Request ID:\n", "Request IDs:\n\n", "request_id=", "req_", "req_\n",
        "req_011CXmPAT8xd3G\n", "req_" + "a".repeat(70), "You've hit your limit · resets ",
        "Authorization failed\n", "OAuth error: ", "Please run /login", "500 and ", "500 errors ",
        "<html>", "litellm ", "sign in ", " · Rate limited\n ", "API Error: ",
        "{\"error\":{\"code\":500,");
  }

  @Provide
  Arbitrary<Row> rows() {
    return Arbitraries.of(ROWS);
  }

  @Provide
  Arbitrary<Mangling.Way> ways() {
    return Arbitraries.of(Mangling.ways());
  }

  @Provide
  Arbitrary<String> noise() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(200),
        Arbitraries.strings().alpha().numeric().withChars(" .,!?:'\"").ofMaxLength(200));
  }

  @Provide
  Arbitrary<Double> fraction() {
    return Arbitraries.doubles().between(0, 1);
  }
}
