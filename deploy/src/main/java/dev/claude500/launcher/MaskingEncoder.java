package dev.claude500.launcher;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import dev.claude500.evidence.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Wraps an encoder so no secret reaches a log line: the configured secret values (as written, and
 * as the JSON format escapes them), anything shaped like a Slack, Anthropic or bearer token, and
 * whatever else the evidence {@link Redactor} recognises (API keys and OAuth tokens in any labelled
 * form, AWS keys, long random runs) are replaced after encoding, so text and JSON lines are both
 * covered, messages, arguments and stack traces alike: a log line may quote what someone pasted.
 */
final class MaskingEncoder extends EncoderBase<ILoggingEvent> {
  private static final Pattern TOKEN_SHAPES = Pattern.compile(
      "\\b(?:xox[abposr]-[A-Za-z0-9-]{6,}|xapp-[A-Za-z0-9-]{6,}|sk-ant-[A-Za-z0-9_-]{8,})"
          + "|(?i:(?<=bearer )[A-Za-z0-9._~+/=-]{12,})");

  private final Encoder<ILoggingEvent> inner;
  private final List<String> secrets;

  MaskingEncoder(Encoder<ILoggingEvent> inner, List<String> secrets) {
    this.inner = Objects.requireNonNull(inner, "inner");
    this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 4)
        .flatMap(s -> Stream.of(s, jsonEscaped(s))).distinct().toList();
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
    return Redactor.redact(TOKEN_SHAPES.matcher(out).replaceAll("***"));
  }

  /** Returns {@code s} as Logback's JSON format writes it inside a string. */
  static String jsonEscaped(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '/' -> out.append("\\/");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
