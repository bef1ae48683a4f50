package dev.claude500.errors;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads errors raised on the user's machine, which carry neither a status nor a type: Claude
 * Code's {@code Request too large (max 32MB). Double press esc to go back...} (its own size check,
 * made before the request is sent) and npm's install failures ({@code npm error code EACCES},
 * {@code npm ERR! code EACCES}), with the {@code Error: ...} line npm prints below the code. Each
 * is an error of kind {@link ErrorKind#OTHER}.
 */
final class ClientErrors {
  private static final int MAX_CANDIDATES = 1_000;

  /** How many of npm's lines after its code are looked at for its {@code Error:} line. */
  private static final int NPM_REACH_LINES = 6;

  private static final Pattern TOO_LARGE =
      Pattern.compile(
          "(?i)(?<![A-Za-z])request[ \\t]++too[ \\t]++large[ \\t]*+\\(max[ \\t]*+[0-9]{1,4}+"
              + "[ \\t]?+[KMG]i?B\\)\\.?+");
  private static final Pattern NPM_CODE =
      Pattern.compile(
          "(?<![A-Za-z])npm[ \\t]++(?:ERR!|error)[ \\t]++code[ \\t]++[A-Za-z0-9_]{1,40}+"
              + "(?![A-Za-z0-9_])");
  private static final Pattern NPM_LINE =
      Pattern.compile("[ \\t]*+npm[ \\t]++(?:ERR!|error(?![A-Za-z]))");
  private static final Pattern NPM_ERROR =
      Pattern.compile("[ \\t]*+npm[ \\t]++(?:ERR!|error)[ \\t]++Error:[ \\t]*+");

  private ClientErrors() {}

  /** Adds the errors raised on the user's machine outside the stretches already read. */
  static void find(Scan scan, List<Hit> hits) {
    Matcher large = TOO_LARGE.matcher(scan.text);
    for (int n = 0; n < MAX_CANDIDATES && hits.size() < ErrorTextParser.MAX_ERRORS && large.find(); n++) {
      if (!scan.claimed(large.start(), large.end())) {
        add(scan, hits, large.start(), large.end(), large.end(), Optional.of(large.group()));
      }
    }
    Matcher npm = NPM_CODE.matcher(scan.text);
    for (int n = 0; n < MAX_CANDIDATES && hits.size() < ErrorTextParser.MAX_ERRORS && npm.find(); n++) {
      if (!scan.claimed(npm.start(), npm.end())) {
        readNpm(scan, hits, npm.start(), npm.end());
      }
    }
  }

  /** Adds npm's failure at its code line, with the message of the {@code Error:} line below. */
  private static void readNpm(Scan scan, List<Hit> hits, int start, int codeEnd) {
    String text = scan.text;
    int end = codeEnd;
    Optional<String> message = Optional.empty();
    int line = scan.lineEnd(codeEnd) + 1;
    for (int i = 0; i < NPM_REACH_LINES && line < text.length(); i++) {
      int lineEnd = scan.lineEnd(line);
      if (!NPM_LINE.matcher(text).region(line, lineEnd).lookingAt()) {
        break; // npm's block has ended
      }
      Matcher error = NPM_ERROR.matcher(text).region(line, lineEnd);
      if (error.lookingAt()) {
        message = OneLine.nonEmpty(text.substring(error.end(), lineEnd));
        end = lineEnd;
        break;
      }
      line = lineEnd + 1;
    }
    add(scan, hits, start, codeEnd, end, message);
  }

  private static void add(
      Scan scan, List<Hit> hits, int start, int lineEnd, int end, Optional<String> message) {
    scan.claim(start, end);
    String line = OneLine.of(scan.text.substring(start, lineEnd));
    hits.add(
        Hit.of(start, end, Optional.empty(), Optional.empty(), message, Optional.empty(), line,
            Hit.Source.CLIENT));
  }
}
