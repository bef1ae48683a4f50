package dev.claude500.launcher;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Wraps an encoder so no secret reaches a log line: the configured secret values, and anything
 * shaped like a Slack, Anthropic or bearer token, are replaced with {@code ***} after encoding
 * (so text and JSON lines are both covered, messages and stack traces alike).
 */
final class MaskingEncoder extends EncoderBase<ILoggingEvent> {
  private static final Pattern TOKEN_SHAPES = Pattern.compile(
      "\\b(?:xox[abposr]-[A-Za-z0-9-]{6,}|xapp-[A-Za-z0-9-]{6,}|sk-ant-[A-Za-z0-9_-]{8,})"
          + "|(?i:(?<=bearer )[A-Za-z0-9._~+/=-]{12,})");

  private final Encoder<ILoggingEvent> inner;
  private final List<String> secrets;

  MaskingEncoder(Encoder<ILoggingEvent> inner, List<String> secrets) {
    this.inner = Objects.requireNonNull(inner, "inner");
    this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 4).distinct().toList();
  }

  @Override
  public byte[] headerBytes() {
    return inner.headerBytes();
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    return mask(new String(inner.encode(event), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public byte[] footerBytes() {
    return inner.footerBytes();
  }

  String mask(String line) {
    String out = line;
    for (String secret : secrets) {
      out = out.replace(secret, "***");
    }
    return TOKEN_SHAPES.matcher(out).replaceAll("***");
  }
}
