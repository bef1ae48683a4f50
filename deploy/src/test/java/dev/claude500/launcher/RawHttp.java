package dev.claude500.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 over a socket of its own, byte for byte as written, for tests that must send what no
 * HTTP client sends (a body that never comes, a header that never ends) or that must open a new
 * connection for every request, as a health probe does. Stateless.
 */
final class RawHttp {
  private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.[01] (\\d{3})");
  private static final Pattern LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

  private RawHttp() {}

  /**
   * What came back: the status (0 when the connection ended or the time ran out before one), the
   * answer as read, and how long it took from the first byte sent.
   */
  record Answer(int status, String text, Duration took) {
    /** Returns the body: what follows the headers. */
    String body() {
      int end = text.indexOf("\r\n\r\n");
      return end < 0 ? "" : text.substring(end + 4);
    }
  }

  /** Sends {@code GET path} on a new connection that it then closes, and reads the whole answer. */
  static Answer get(int port, String path, Duration timeout) {
    return send(port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", new byte[0], timeout);
  }

  /**
   * Sends {@code head} (the request line and headers, ended by an empty line) and {@code body} on a
   * new connection and reads the answer until its body is complete, the server closes, or
   * {@code timeout} passes.
   */
  static Answer send(int port, String head, byte[] body, Duration timeout) {
    long start = System.nanoTime();
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
      OutputStream out = s.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return read(s, start, timeout);
    } catch (IOException e) {
      return new Answer(0, e.toString(), Duration.ofNanos(System.nanoTime() - start));
    }
  }

  /** Reads one answer from {@code s}, until its body is complete, the server closes, or the time runs out. */
  static Answer read(Socket s, long startNanos, Duration timeout) throws IOException {
    long deadline = startNanos + timeout.toNanos();
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    InputStream in = s.getInputStream();
    byte[] buf = new byte[8192];
    while (!complete(got.toString(StandardCharsets.ISO_8859_1))) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      s.setSoTimeout((int) Math.max(1, left / 1_000_000));
      int n;
      try {
        n = in.read(buf);
      } catch (SocketTimeoutException | java.net.SocketException ended) {
        break;
      }
      if (n < 0) {
        break;
      }
      got.write(buf, 0, n);
    }
    String text = got.toString(StandardCharsets.ISO_8859_1);
    Matcher m = STATUS.matcher(text);
    return new Answer(m.find() ? Integer.parseInt(m.group(1)) : 0, text, Duration.ofNanos(System.nanoTime() - startNanos));
  }

  private static boolean complete(String text) {
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    String head = text.substring(0, end);
    if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
      return text.endsWith("\r\n0\r\n\r\n");
    }
    Matcher m = LENGTH.matcher(head);
    return text.length() - end - 4 >= (m.find() ? Long.parseLong(m.group(1)) : 0);
  }
}
