package dev.claude500.errors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the errors in text people paste into a chat: Claude Code's printed error lines and the
 * JSON error bodies and status mentions around them.
 *
 * <p>What it reads, in order of trust:
 *
 * <ul>
 *   <li>Claude Code's lines: {@code API Error: 500 {json}}, {@code API Error (529 {json}) ·
 *       Retrying in 4 seconds… (attempt 4/10)}, {@code API Error: 529 Overloaded. This is a
 *       server-side issue…}, {@code API Error: Rate limit reached} (read as status 429: it is
 *       what Claude Code prints for a 429 it does not number), {@code API Error: Operation
 *       aborted} (an error with neither status nor type);
 *   <li>bare bodies, {@code {"type":"error","error":{"type":"api_error",...},"request_id":...}}
 *       (no status: a body does not carry one);
 *   <li>plain mentions, {@code 500 Internal Server Error}, {@code 529 overloaded_error}, {@code
 *       HTTP/1.1 503}, {@code status: 500}, an error type named alone, and {@code request_id:
 *       req_...} or {@code request-id: req_...}, which joins the error just above it when that
 *       one has none.
 * </ul>
 *
 * <p>Before reading it undoes what chat clients do: Slack's {@code <url|label>} links and HTML
 * escapes, smart quotes, code fences and backticks (all backticks are dropped), Claude Code's
 * {@code ⎿} and indentation, Windows line endings, invisible characters. JSON bodies are read
 * with Jackson; one that is cut or mangled is salvaged field by field.
 *
 * <p>Total and bounded: any string gives a list (possibly empty), never an exception; only the
 * first {@link #MAX_CHARS_CONSIDERED} characters are read, every pattern runs in linear time,
 * at most {@link #MAX_ERRORS} errors are returned and each line and message is at most {@link
 * #MAX_LINE_CHARS} long. Stateless and thread-safe.
 */
public final class ErrorTextParser {
  /** Characters of a paste that are read (64 KiB); the rest is ignored. */
  public static final int MAX_CHARS_CONSIDERED = 65_536;

  /** Most errors returned for one paste. */
  public static final int MAX_ERRORS = 100;

  /** Longest {@link ParsedError#line()} and {@link ParsedError#message()}. */
  public static final int MAX_LINE_CHARS = 2_000;

  private ErrorTextParser() {}

  /**
   * Returns every error in {@code text}, in the order they appear; empty when there is none.
   *
   * @throws NullPointerException if {@code text} is null
   */
  public static List<ParsedError> parseAll(String text) {
    Objects.requireNonNull(text, "text");
    Scan scan = new Scan(PasteText.normalize(PasteText.head(text, MAX_CHARS_CONSIDERED)));
    List<Hit> hits = new ArrayList<>();
    ApiErrorLines.find(scan, hits);
    Mentions.findBodies(scan, hits);
    Mentions.findStatuses(scan, hits);
    hits.sort(Comparator.comparingInt(Hit::start));
    List<ParsedError> errors = new ArrayList<>();
    for (Hit hit : Facts.join(scan, hits)) {
      if (errors.size() == MAX_ERRORS) {
        break;
      }
      errors.add(hit.error());
    }
    return List.copyOf(errors);
  }

  /**
   * Returns the first error in {@code text}, or empty when there is none.
   *
   * @throws NullPointerException if {@code text} is null
   */
  public static Optional<ParsedError> parse(String text) {
    List<ParsedError> all = parseAll(text);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }
}
