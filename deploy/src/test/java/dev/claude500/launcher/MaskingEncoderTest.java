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
  void aConfiguredSecretIsMaskedAsTheJsonFormatEscapesItToo() {
    String password = "pa55/w\"rd\\x:y";
    for (String format : List.of("text", "json")) {
      String out = logged(format, List.of(password), () ->
          LoggerFactory.getLogger("dev.claude500.test").warn("connecting with {}", password));
      assertThat(out).as(format).contains("connecting with").contains("***").doesNotContain(password)
          .doesNotContain(MaskingEncoder.jsonEscaped(password)).doesNotContain("pa55");
    }
  }

  @Test
  void whatTheRedactorKnowsIsMaskedToo() {
    for (String format : List.of("text", "json")) {
      String out = logged(format, List.of(), () -> LoggerFactory.getLogger("dev.claude500.test").info(
          "pasted: x-api-key: k3Yv4Lu5E6sF7oR8tH9iS0pR0xYtEsT aws AKIAZ7Q3R5T6Y8U9I0P2 oauth_token=gho16C7e42F292c6912E7710c8"
              + " sk-ant-oat01-Qw3Er4Ty5Ui6Op7As8Df9Gh0Jk1Lz2Xc3Vb4Nm5 request req_011CXmPAT8xd3GWgKxdq8TRC"));
      assertThat(out).as(format).contains("req_011CXmPAT8xd3GWgKxdq8TRC")
          .doesNotContain("k3Yv4Lu5E6sF7oR8tH9iS0pR0xYtEsT", "AKIAZ7Q3R5T6Y8U9I0P2", "gho16C7e42F292c6912E7710c8",
              "Qw3Er4Ty5Ui6Op7As8Df9Gh0Jk1Lz2Xc3Vb4Nm5");
    }
  }

  @Test
  void theRedactorsGoogleKeysUrlPasswordsAndPrivateKeysAreMaskedInBothFormats() {
    String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n"
        + "VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\nZq2vK1yS\n-----END RSA PRIVATE KEY-----";
    for (String format : List.of("text", "json")) {
      String out = logged(format, List.of(), () -> LoggerFactory.getLogger("dev.claude500.test").warn(
          "pasted: key=AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe db=postgres://admin:hunter2pass@db:5432/x\n" + pem
              + "\nrequest req_011CXmPAT8xd3GWgKxdq8TRC"));
      assertThat(out).as(format).contains("req_011CXmPAT8xd3GWgKxdq8TRC", "admin:", "@db:5432", "[redacted private key]")
          .doesNotContain("AIzaSyDaGmWKa4JsXZ", "hunter2pass", "BEGIN RSA", "MIIEowIBAAKCAQEA", "VTLw7onLRnrq0", "Zq2vK1yS",
              "END RSA");
    }
  }

  @Test
  void textFormatWritesOneLinePerEventFailuresIncluded() {
    String out = logged("text", List.of(), () -> {
      Logger log = (Logger) LoggerFactory.getLogger("dev.claude500.test");
      log.warn("first\nsecond");
      log.error("failed", new IllegalStateException("broken\nbadly", new java.io.IOException("cause")));
    });
    assertThat(out.lines().filter(l -> !l.isBlank())).hasSize(2).noneMatch(l -> l.strip().endsWith("|"));
    assertThat(out).contains("first | second").contains("failed | java.lang.IllegalStateException: broken | badly")
        .contains("at dev.claude500.launcher.MaskingEncoderTest");
  }

  @Test
  void jsonFormatWritesOneObjectPerLine() {
    String out = logged("json", List.of(), () -> LoggerFactory.getLogger("dev.claude500.test").info("hello\nworld"));
    assertThat(out.lines().filter(l -> !l.isBlank())).allMatch(l -> l.startsWith("{") && l.endsWith("}"));
  }
}
