package dev.claude500.testing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs request bodies the way Slack does ({@code v0=} HMAC-SHA256 of {@code v0:<timestamp>:<body>}
 * with the signing secret), for tests that send requests to {@code POST /slack/events}.
 */
public final class SlackSigner {
  private final byte[] secret;

  /** Creates a signer for a signing secret. */
  public SlackSigner(String signingSecret) {
    this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
  }

  /** Returns the {@code X-Slack-Signature} value for a body sent at {@code timestamp} (epoch seconds). */
  public String signature(long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
      return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns both signing headers for a body sent at {@code at}. */
  public Map<String, String> headers(Instant at, byte[] body) {
    long ts = at.getEpochSecond();
    return Map.of("X-Slack-Request-Timestamp", Long.toString(ts), "X-Slack-Signature", signature(ts, body));
  }

  /** Returns a {@code POST} of {@code body} to {@code events}, unsigned: the caller adds what it wants. */
  public static HttpRequest.Builder post(URI events, String body, String contentType) {
    return HttpRequest.newBuilder(events).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
  }

  /** Returns a {@code POST} of {@code body} to {@code events}, signed now as Slack signs it. */
  public HttpRequest.Builder signedPost(URI events, String body, String contentType) {
    HttpRequest.Builder b = post(events, body, contentType);
    headers(Instant.now(), body.getBytes(StandardCharsets.UTF_8)).forEach(b::header);
    return b;
  }
}
