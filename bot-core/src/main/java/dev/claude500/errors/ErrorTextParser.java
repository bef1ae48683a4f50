package dev.claude500.errors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the errors in text people paste into a chat: Claude Code's printed error lines and the
 * JSON error bodies, limit and sign-in messages and status mentions around them.
 *
 * <p>What it reads, in order of trust:
 *
 * <ul>
 *   <li>Claude Code's lines: {@code API Error: 500 {json}}, {@code API Error (529 {json}) ·
 *       Retrying in 4 seconds… (attempt 4/10)}, {@code API Error: 529 Overloaded. This is a
 *       server-side issue…}, {@code API Error: Rate limit reached} (read as status 429: it is
 *       what Claude Code prints for a 429 it does not number), {@code API Error: Request rejected
 *       (429) · Rate limited} (the status in the message; {@code · Rate limited} alone makes a
 *       rate limit), {@code API Error: Operation aborted} (an error with neither status nor
 *       type); a status with its reason phrase in the message ({@code API Error: Repeated 529
 *       Overloaded errors}, {@code API Error (api.anthropic.com | 504: Gateway time-out)}); the
 *       header in markdown emphasis too ({@code **_API Error: 500 ..._**});
 *   <li>bare bodies, {@code {"type":"error","error":{"type":"api_error",...},"request_id":...}}
 *       and gateways' {@code {"error":{"message":...,"code":500}}} (the status is the {@code
 *       code}; an Anthropic body carries none, but a status printed just before it on its line
 *       is its own: {@code 529 {...}}, {@code 400: {...}});
 *   <li>usage and session limits, {@code Claude usage limit reached. Your limit will reset at 5pm
 *       (Europe/Paris)}, {@code You've hit your session limit · resets 5am}, {@code 5-hour limit
 *       reached ∙ resets 3pm}: rate limits, with {@link ParsedError#resets()} as written;
 *   <li>signing in: {@code Invalid API key · Please run /login}, {@code OAuth token has expired},
 *       {@code Please run /login} under an error or leading it on its line (authentication), and
 *       the sign-in page's {@code Authorization failed} / {@code Internal server error}, {@code
 *       OAuth error: Request failed with status code 500}, a browser console's {@code Failed to
 *       load resource: the server responded with a status of 500 ()} (a 500 is {@link
 *       ErrorKind#INTERNAL}, no status is authentication);
 *   <li>plain mentions, {@code 500 Internal Server Error(s)}, {@code 529 overloaded_error}, {@code
 *       HTTP/1.1 503}, {@code status: 500}, {@code getting 500 errors}, {@code HTTP 500s}, {@code
 *       500 and 529 error codes} (one error per status), an error type named alone; an error read
 *       without a status takes its kind's one (500, 529, 429, 401) when the paste names it
 *       elsewhere ({@code HTTP Status: 500} under a body, {@code experiencing issue 529});
 *   <li>errors raised on the user's machine, without a status: Claude Code's {@code Request too
 *       large (max 32MB)}, npm's {@code npm error code EACCES};
 *   <li>request ids: in a body, after a {@code Request ID:} / {@code request_id} / {@code
 *       request-id} label on its line or the next, first in a {@code Request IDs:} list, joined
 *       again when a terminal wrapped one across two lines or a stray space split it in a body;
 *       Vertex AI's {@code req_vrtx_...} and, after a label, a gateway's shorter hex id; never a
 *       placeholder ({@code req_...}, {@code req_xxx}, a masked or short id). A labelled id joins
 *       the error just above it when that one has none.
 * </ul>
 *
 * <p>Each error is told its {@link ParsedError#origin()}: {@link Origin#GATEWAY} with {@link
 * ParsedError#gateway()} named when it or the lines around it show LiteLLM, OpenRouter, Ollama,
 * NVIDIA NIM, Amazon Bedrock, Google Vertex AI, an upstream provider, Claude Code's {@code check
 * your inference gateway}, or a proxy's HTML error page; {@link Origin#SIGN_IN} when they show the
 * sign-in page or flow; else {@link Origin#API}.
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
    return read(scan(text)).stream().map(Hit::error).toList();
  }

  /**
   * Returns the best error in {@code text}, or empty when there is none: one with a status, a
   * type or a kind of its own before a status named in prose (a server-side one first), and that
   * before a weak reading such as a request id alone or {@code due to an API error:}; the first
   * to appear among equals. When it has no request id of its own and the paste holds one that no
   * other error holds (an error of the same kind and status is the same one shown twice), it gets
   * that one.
   *
   * @throws NullPointerException if {@code text} is null
   */
  public static Optional<ParsedError> parse(String text) {
    Objects.requireNonNull(text, "text");
    Scan scan = scan(text);
    List<Hit> hits = read(scan);
    Optional<Hit> best = Ranking.best(hits);
    if (best.isPresent() && best.get().error().requestId().isEmpty()) {
      Optional<String> id = RequestIds.forPaste(scan, hits, best.get().error());
      if (id.isPresent()) {
        return Optional.of(best.get().withRequestId(id.get()).error());
      }
    }
    return best.map(Hit::error);
  }

  private static Scan scan(String text) {
    return new Scan(PasteText.normalize(PasteText.head(text, MAX_CHARS_CONSIDERED)));
  }

  /** Returns the errors read, in order of appearance, their origins told. */
  private static List<Hit> read(Scan scan) {
    List<Hit> hits = new ArrayList<>();
    ApiErrorLines.find(scan, hits);
    Mentions.findBodies(scan, hits);
    LimitMessages.find(scan, hits);
    AuthMessages.find(scan, hits);
    ClientErrors.find(scan, hits);
    Mentions.findStatuses(scan, hits);
    boolean signIn = Origins.showsSignIn(scan);
    AuthMessages.findBarePageErrors(scan, hits, signIn);
    hits.sort(Comparator.comparingInt(Hit::start));
    List<Hit> joined = Mentions.withStatusesNamed(scan, Facts.join(scan, hits));
    if (joined.size() > MAX_ERRORS) {
      joined = joined.subList(0, MAX_ERRORS);
    }
    return Origins.assign(scan, joined, signIn);
  }
}
