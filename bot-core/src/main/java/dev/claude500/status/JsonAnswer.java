package dev.claude500.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.util.List;

/**
 * Reads one endpoint's answer: checks that the body is Statuspage JSON of the expected shape (not
 * empty, not an HTML challenge, not garbage, with the fields the endpoint always has) and maps it
 * to its type. Stateless and thread-safe.
 *
 * @param <T> what the body maps to
 */
final class JsonAnswer<T> {
  private final Class<T> type;
  private final List<String> required;

  /**
   * @param type what the body maps to
   * @param required the top-level fields (objects or arrays) a real answer always has
   */
  JsonAnswer(Class<T> type, String... required) {
    this.type = type;
    this.required = List.of(required);
  }

  /** Returns the body mapped, or says why it is not a usable answer. */
  T read(HttpHeaders headers, byte[] body) throws FetchProblem {
    if (PageHttp.isHtml(headers)) {
      throw new FetchProblem("HTML instead of JSON (a browser challenge?)");
    }
    int first = firstNonBlank(body);
    if (first < 0) {
      throw new FetchProblem("empty body");
    }
    if (body[first] == '<') {
      throw new FetchProblem("HTML instead of JSON (a browser challenge?)");
    }
    JsonNode tree;
    try {
      tree = StatusJson.mapper().readTree(body);
    } catch (IOException e) {
      throw new FetchProblem("invalid JSON: " + oneLine(e.getMessage()));
    }
    List<String> missing = required.stream().filter(f -> tree == null || !tree.path(f).isContainerNode()).toList();
    if (!missing.isEmpty()) {
      throw new FetchProblem("JSON without " + String.join(", ", missing) + ": not a Statuspage answer");
    }
    try {
      return StatusJson.mapper().treeToValue(tree, type);
    } catch (IOException | IllegalArgumentException e) {
      throw new FetchProblem("unexpected JSON: " + oneLine(e.getMessage()));
    }
  }

  private static int firstNonBlank(byte[] body) {
    int i = 0;
    // Skip a UTF-8 byte-order mark.
    if (body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF) {
      i = 3;
    }
    for (; i < body.length; i++) {
      if (!Character.isWhitespace(body[i])) {
        return i;
      }
    }
    return -1;
  }

  private static String oneLine(String message) {
    if (message == null) {
      return "(no detail)";
    }
    String line = message.lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
