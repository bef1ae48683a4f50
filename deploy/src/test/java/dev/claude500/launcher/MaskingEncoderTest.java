package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class MaskingEncoderTest {
  private final PrintStream realErr = System.err;

  @AfterEach
  void restore() {
    System.setErr(realErr);
    ((LoggerContext) LoggerFactory.getILoggerFactory()).reset();
  }

  private String logged(String format, List<String> secrets, Runnable logging) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    LogSetup.service(format, "INFO", secrets);
    logging.run();
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void configuredSecretsAndTokenShapesNeverReachTheLog() {
    for (String format : List.of("text", "json")) {
      String out = logged(format, List.of("signing-secret-123", "discord.token.value"), () -> {
        Logger log = (Logger) LoggerFactory.getLogger("dev.claude500.test");
        log.info("secret signing-secret-123 and discord.token.value");
        log.warn("tokens xoxb-1234-5678-abcdef xapp-1-A0-123-abc sk-ant-api03-abcdefghijklmnop Bearer abcdefghijklmnopqrstuvwxyz");
        log.error("failed", new IllegalStateException("bad token xoxb-9999-8888-zzzz"));
      });
      assertThat(out).as(format).contains("***").contains("failed")
          .doesNotContain("signing-secret-123", "discord.token.value", "xoxb-1234-5678-abcdef", "xapp-1-A0-123-abc",
              "sk-ant-api03-abcdefghijklmnop", "abcdefghijklmnopqrstuvwxyz", "xoxb-9999-8888-zzzz");
    }
  }

  @Test
  void jsonFormatWritesOneObjectPerLine() {
    String out = logged("json", List.of(), () -> LoggerFactory.getLogger("dev.claude500.test").info("hello\nworld"));
    assertThat(out.lines().filter(l -> !l.isBlank())).allMatch(l -> l.startsWith("{") && l.endsWith("}"));
  }
}
