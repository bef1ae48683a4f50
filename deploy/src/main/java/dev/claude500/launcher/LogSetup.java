package dev.claude500.launcher;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Configures logging once at start, in code: one line per event, to standard error for services,
 * or to a file in console mode so the terminal shows only the conversation.
 */
final class LogSetup {
  private LogSetup() {}

  /** Sends logs to standard error in the given format and level, secrets masked. */
  static void service(String format, String level, List<String> secrets) {
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setTarget("System.err");
    install(appender, format, level, secrets);
  }

  /** Sends logs to a file (console mode keeps the terminal for the conversation), secrets masked. */
  static void toFile(Path file, String format, String level, List<String> secrets) {
    FileAppender<ILoggingEvent> appender = new FileAppender<>();
    appender.setFile(file.toString());
    appender.setAppend(true);
    install(appender, format, level, secrets);
  }

  private static void install(OutputStreamAppender<ILoggingEvent> appender, String format, String level,
      List<String> secrets) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    appender.setContext(context);
    appender.setName("main");
    MaskingEncoder masking = new MaskingEncoder(encoder(context, format), secrets);
    masking.setContext(context);
    masking.start();
    appender.setEncoder(masking);
    appender.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(appender);
    context.getLogger("dev.claude500").setLevel(Level.toLevel(level, Level.INFO));
  }

  private static Encoder<ILoggingEvent> encoder(LoggerContext context, String format) {
    if ("json".equals(format)) {
      JsonEncoder json = new JsonEncoder();
      json.setContext(context);
      json.start();
      return json;
    }
    PatternLayoutEncoder text = new PatternLayoutEncoder();
    text.setContext(context);
    // one line per event, a failure included: its first line and the frame it came from, folded in
    // (%nopex keeps logback from adding the whole stack trace after the line)
    text.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level [%thread] %logger{36} - "
        + "%replace(%replace(%msg%n%ex{short}){'\\s*[\\r\\n]+\\s*', ' | '}){' \\| $', ''}%nopex%n");
    text.start();
    return text;
  }
}
