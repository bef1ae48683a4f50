package dev.claude500.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.testing.MutableClock;
import dev.claude500.testing.SlackSigner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestSignatureTest {
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private final MutableClock clock = new MutableClock(Instant.parse("2026-04-15T15:00:00Z"));
  private final RequestSignature signature = new RequestSignature(SECRET, clock);
  private final SlackSigner signer = new SlackSigner(SECRET);

  @Test
  void slacksOwnExampleVerifies() {
    // The worked example in Slack's "Verifying requests from Slack" guide.
    String body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
        + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
        + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
        + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    clock.set(Instant.ofEpochSecond(1531420618));
    assertThat(signature.verify("1531420618",
        "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", body.getBytes(StandardCharsets.UTF_8)))
        .isTrue();
  }

  @Test
  void theRawBytesAreSignedSoNonAsciiBodiesVerify() {
    byte[] body = "{\"text\":\"“smart quotes” — é ✅ 🔴\"}".getBytes(StandardCharsets.UTF_8);
    long ts = clock.instant().getEpochSecond();
    assertThat(signature.verify(Long.toString(ts), signer.signature(ts, body), body)).isTrue();
    assertThat(signature.verify(Long.toString(ts), signer.signature(ts, body).toUpperCase().replace("V0=", "v0="), body))
        .isTrue();
  }

  @Test
  void theWindowIsFiveMinutesEitherWay() {
    byte[] body = "a=b".getBytes(StandardCharsets.UTF_8);
    for (long offset : new long[] {-300, 0, 300}) {
      long ts = clock.instant().getEpochSecond() + offset;
      assertThat(signature.verify(Long.toString(ts), signer.signature(ts, body), body)).as("offset %d", offset).isTrue();
    }
    for (long offset : new long[] {-301, 301, -86_400}) {
      long ts = clock.instant().getEpochSecond() + offset;
      assertThat(signature.verify(Long.toString(ts), signer.signature(ts, body), body)).as("offset %d", offset).isFalse();
    }
    long ts = clock.instant().getEpochSecond();
    String sig = signer.signature(ts, body);
    clock.advance(Duration.ofMinutes(6));
    assertThat(signature.verify(Long.toString(ts), sig, body)).isFalse();
  }

  @Test
  void missingOrMalformedHeadersFail() {
    byte[] body = "a=b".getBytes(StandardCharsets.UTF_8);
    long ts = clock.instant().getEpochSecond();
    String sig = signer.signature(ts, body);
    assertThat(signature.verify(null, sig, body)).isFalse();
    assertThat(signature.verify(Long.toString(ts), null, body)).isFalse();
    assertThat(signature.verify("", sig, body)).isFalse();
    assertThat(signature.verify("-" + ts, sig, body)).isFalse();
    assertThat(signature.verify("99999999999999999999", sig, body)).isFalse();
    assertThat(signature.verify(Long.toString(ts), "v1=" + sig.substring(3), body)).isFalse();
    assertThat(signature.verify(Long.toString(ts), sig.substring(0, 20), body)).isFalse();
    assertThat(signature.verify(Long.toString(ts), sig, "a=c".getBytes(StandardCharsets.UTF_8))).isFalse();
  }

  @Test
  void theHeadersAloneAreCheckedBeforeABodyIsRead() {
    long ts = clock.instant().getEpochSecond();
    String sig = signer.signature(ts, "anything".getBytes(StandardCharsets.UTF_8));
    assertThat(signature.current(Long.toString(ts), sig)).isTrue();
    assertThat(signature.current(Long.toString(ts), sig.toUpperCase().replace("V0=", "v0="))).isTrue();
    assertThat(signature.current(Long.toString(ts - 301), sig)).as("stale").isFalse();
    assertThat(signature.current(Long.toString(ts + 301), sig)).as("from the future").isFalse();
    assertThat(signature.current(null, sig)).isFalse();
    assertThat(signature.current(Long.toString(ts), null)).isFalse();
    assertThat(signature.current(Long.toString(ts), "v0=" + "0".repeat(63))).as("too short").isFalse();
    assertThat(signature.current(Long.toString(ts), "v1=" + sig.substring(3))).isFalse();
    assertThat(signature.current(Long.toString(ts), "v0=" + "g".repeat(64))).as("not hex").isFalse();
  }
}
