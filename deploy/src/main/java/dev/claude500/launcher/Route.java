package dev.claude500.launcher;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What answers one path of the HTTP front door, in two steps: {@link #screen} on the request line
 * and headers alone, before any of the body is read, then {@link #answer} once the body has been
 * read, on the route's {@link Lane}.
 */
interface Route {
  /**
   * Returns the answer the head alone decides (a wrong method, a missing signature), so that the
   * body is never read; empty when the body is wanted. Called on the server's IO thread: must not block.
   */
  default Optional<Reply> screen(Head head) {
    return Optional.empty();
  }

  /** Answers a request whose body has been read in full (empty when it had none). */
  Reply answer(Head head, byte[] body);

  /**
   * A request's line and headers.
   *
   * @param method its method
   * @param path its path
   * @param headers its headers, names in any case
   * @param from the client's address
   * @param arrived when its first byte arrived, by the front door's clock
   */
  record Head(String method, String path, Map<String, List<String>> headers, String from, Instant arrived) {
    /** Copies the headers into a map whose names match in any case. */
    public Head {
      Map<String, List<String>> named = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headers.forEach((k, v) -> named.put(k, List.copyOf(v)));
      headers = java.util.Collections.unmodifiableMap(named);
    }

    /** Returns the first value of the header {@code name} (any case), or null. */
    String header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  /**
   * An answer.
   *
   * @param status its status code
   * @param contentType its body's content type, or null for none
   * @param body its body, empty for none
   * @param headers further headers
   */
  record Reply(int status, String contentType, String body, Map<String, List<String>> headers) {
    /** Copies the headers; a null body is empty. */
    public Reply {
      body = body == null ? "" : body;
      headers = Map.copyOf(headers);
    }

    /** Returns a plain-text answer. */
    static Reply text(int status, String body) {
      return new Reply(status, "text/plain; charset=utf-8", body, Map.of());
    }
  }
}
