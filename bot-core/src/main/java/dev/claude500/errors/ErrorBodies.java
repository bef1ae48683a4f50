package dev.claude500.errors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a JSON error body found in pasted text: with Jackson when it is well formed, else by
 * salvaging its fields with regular expressions (a body cut by the terminal, or mangled).
 */
final class ErrorBodies {
  /** Error bodies are small; a longer "body" is not one, and reading it is wasted work. */
  static final int MAX_BODY_CHARS = 16_384;

  /** How much of a body Jackson refused is searched for its fields. */
  static final int MAX_SALVAGE_CHARS = 4_096;

  /** What only an error body has: {@code "type":"error"} or an {@code "error"} object. */
  static final Pattern ERROR_MARK =
      Pattern.compile(
          "[\"']error[\"'][ \\t\\n]*+:[ \\t\\n]*+\\{"
              + "|[\"']type[\"'][ \\t\\n]*+:[ \\t\\n]*+[\"']error[\"']");

  private static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxNestingDepth(32)
                      .maxStringLength(MAX_BODY_CHARS)
                      .maxNumberLength(64)
                      .build())
              .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
              .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
              .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
              .build());

  private static final Pattern TYPE_FIELD =
      Pattern.compile("(?<![A-Za-z_])[\"']?type[\"']?[ \\t]*:[ \\t]*[\"']?([A-Za-z_]{1,64}+)");
  private static final Pattern MESSAGE_FIELD =
      Pattern.compile("[\"']message[\"'][ \\t]*:[ \\t]*([\"'])");
  private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}+");

  private ErrorBodies() {}

  /**
   * Returns the body starting at {@code start} (a <code>{</code>), read no further than
   * {@code limit}, or empty when it is not a JSON object.
   */
  static Optional<ErrorBody> parse(char[] text, int start, int limit) {
    int len = Math.min(limit, start + MAX_BODY_CHARS) - start;
    try (JsonParser parser = MAPPER.getFactory().createParser(text, start, len)) {
      JsonNode root = MAPPER.readTree(parser);
      if (root == null || !root.isObject()) {
        return Optional.empty();
      }
      int end = start + (int) parser.currentLocation().getCharOffset();
      return Optional.of(fromTree(root, end));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // not well formed: the caller salvages what it can
    }
  }

  private static ErrorBody fromTree(JsonNode root, int end) {
    JsonNode holder = findErrorHolder(root, 0);
    JsonNode at = holder != null ? holder : root;
    JsonNode error = at.path("error");
    Optional<String> type = text(error.path("type")).filter(ErrorBodies::isTypeName);
    Optional<String> message = text(error.path("message")).or(() -> text(at.path("message")));
    Optional<String> requestId =
        text(at.path("request_id"))
            .or(() -> text(root.path("request_id")))
            .flatMap(RequestIds::fromValue);
    Optional<Integer> status = httpStatus(error.path("code")).or(() -> httpStatus(at.path("status")));
    boolean errorShaped =
        holder != null
            && (type.isPresent() || "error".equals(at.path("type").asText()) || status.isPresent());
    return new ErrorBody(type, message, requestId, status, errorShaped, end);
  }

  /** Returns the HTTP error status a gateway's {@code code} or {@code status} field holds. */
  private static Optional<Integer> httpStatus(JsonNode node) {
    String digits = node.isInt() || node.isTextual() ? node.asText() : "";
    if (digits.length() != 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    int status = Integer.parseInt(digits);
    return status >= 400 && status <= 599 ? Optional.of(status) : Optional.empty();
  }

  /** Returns whether {@code type} names a type ({@code "None"} is a proxy's placeholder). */
  private static boolean isTypeName(String type) {
    return TYPE_NAME.matcher(type).matches() && !type.equals("None") && !type.equals("null");
  }

  /** Returns the first object (depth first) whose {@code error} is an object, or null. */
  private static JsonNode findErrorHolder(JsonNode node, int depth) {
    if (node.path("error").isObject()) {
      return node;
    }
    if (depth >= 8 || !node.isContainerNode()) {
      return null;
    }
    for (JsonNode child : node) {
      JsonNode found = findErrorHolder(child, depth + 1);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static Optional<String> text(JsonNode node) {
    return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
  }

  /**
   * Returns what can be read of a body that Jackson refused, from {@code segment} (the text from
   * the body's first brace to where it can at most reach), ending at {@code end}.
   */
  static ErrorBody salvage(String segment, int end) {
    Matcher mark = ERROR_MARK.matcher(segment);
    boolean errorShaped = mark.find();
    Matcher t = TYPE_FIELD.matcher(segment);
    if (errorShaped && mark.group().startsWith("error", 1)) {
      t.region(mark.end(), segment.length()); // the type inside the error object
    }
    Optional<String> type = Optional.empty();
    while (t.find()) {
      if (!t.group(1).equals("error")) {
        type = Optional.of(t.group(1)).filter(ErrorBodies::isTypeName);
        break;
      }
    }
    Optional<String> requestId = RequestIds.firstIn(segment, 0, segment.length());
    return new ErrorBody(
        type, salvageMessage(segment), requestId, Optional.empty(), errorShaped, end);
  }

  /** Reads a string value by hand: a regex over escapes would recurse once per escape. */
  private static Optional<String> salvageMessage(String segment) {
    Matcher m = MESSAGE_FIELD.matcher(segment);
    if (!m.find()) {
      return Optional.empty();
    }
    char quote = m.group(1).charAt(0);
    StringBuilder out = new StringBuilder();
    for (int i = m.end(); i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == quote || c == '\n') {
        break;
      }
      if (c == '\\' && i + 1 < segment.length()) {
        i = unescape(segment, i + 1, out);
      } else {
        out.append(c);
      }
    }
    String message = out.toString().strip();
    return message.isEmpty() ? Optional.empty() : Optional.of(message);
  }

  /** Appends the escape whose letter is at {@code at}; returns the index of its last char. */
  private static int unescape(String s, int at, StringBuilder out) {
    char e = s.charAt(at);
    switch (e) {
      case 'n':
        out.append('\n');
        return at;
      case 't':
        out.append('\t');
        return at;
      case 'r':
      case 'b':
      case 'f':
        return at;
      case 'u':
        if (at + 4 < s.length()) {
          try {
            out.append((char) Integer.parseInt(s.substring(at + 1, at + 5), 16));
            return at + 4;
          } catch (NumberFormatException ignored) {
            // not a \\u escape after all: keep the letter
          }
        }
        out.append(e);
        return at;
      default:
        out.append(e);
        return at;
    }
  }
}
