package dev.claude500.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Slack's request signature: {@code v0=} and the hex HMAC-SHA256 of {@code v0:<timestamp>:<body>}
 * under the signing secret, with the timestamp at most five minutes from now in either direction.
 *
 * <p>Bolt has a verifier of its own; this one is used instead because it hashes the body's raw bytes
 * (Bolt's re-encodes the body and the secret with the platform's default charset, which breaks
 * non-ASCII bodies on a JVM whose locale is not UTF-8), compares in constant time, refuses timestamps
 * from the future as well as from the past, and reads the injected clock. Thread-safe.
 */
final class RequestSignature {
  /** How far a request's timestamp may be from now. */
  static final Duration WINDOW = Duration.ofMinutes(5);

  private static final String ALGORITHM = "HmacSHA256";
  /** What a signature looks like: {@code v0=} and 64 hex digits, either case. */
  private static final Pattern SHAPE = Pattern.compile("(?i)v0=[0-9a-f]{64}");

  private final SecretKeySpec key;
  private final Clock clock;

  RequestSignature(String signingSecret, Clock clock) {
    Objects.requireNonNull(signingSecret, "signingSecret");
    if (signingSecret.isBlank()) {
      throw new IllegalArgumentException("signingSecret must not be blank");
    }
    this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Returns true when the headers sign this body and the timestamp is inside the window.
   *
   * @param timestamp the {@code X-Slack-Request-Timestamp} header, or null
   * @param signature the {@code X-Slack-Signature} header, or null
   * @param body the raw request body
   */
  boolean verify(String timestamp, String signature, byte[] body) {
    if (!current(timestamp, signature)) {
      return false;
    }
    byte[] expected = sign(timestamp, body).getBytes(StandardCharsets.US_ASCII);
    byte[] given = signature.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given);
  }

  /**
   * Returns true when the headers could sign a body: both present, the signature of the {@code v0=}
   * form and the timestamp inside the window. Needs no body, so a request failing it is refused
   * before its body is read.
   *
   * @param timestamp the {@code X-Slack-Request-Timestamp} header, or null
   * @param signature the {@code X-Slack-Signature} header, or null
   */
  boolean current(String timestamp, String signature) {
    if (timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")
        || !SHAPE.matcher(signature.strip()).matches()) {
      return false;
    }
    long age = clock.instant().getEpochSecond() - Long.parseLong(timestamp);
    return Math.abs(age) <= WINDOW.toSeconds();
  }

  /** Returns the {@code v0=...} signature of a body sent at {@code timestamp}. */
  String sign(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
      return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
