package dev.claude500.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Writes to a console's standard input as a person does: a line at a time, the next one only after
 * the bot has answered (console mode reads lines that arrive together as one input, a paste), or a
 * paste in one write. Each wait is on the answer appearing in what the console printed, bounded.
 * Not thread-safe: one test thread types.
 */
final class Typist {
  /** How long an answer may take (a busy machine, a cold JVM). */
  static final Duration ANSWER_WAIT = Duration.ofSeconds(30);

  /** Where the typed text goes: one call is one write. */
  @FunctionalInterface
  interface Keys {
    /** Delivers {@code text} in one write. */
    void send(String text) throws IOException;
  }

  private final Keys keys;
  private final Supplier<String> printed;

  /** Types with {@code keys} into a console whose output so far {@code printed} returns. */
  Typist(Keys keys, Supplier<String> printed) {
    this.keys = keys;
    this.printed = printed;
  }

  /** Types into a process's standard input (a pipe). */
  static Keys into(OutputStream stdin) {
    return text -> {
      stdin.write(text.getBytes(StandardCharsets.UTF_8));
      stdin.flush();
    };
  }

  /** Types {@code line} and its line end, then waits until the console prints {@code answer} after it. */
  void type(String line, String answer) {
    paste(line + "\n", answer);
  }

  /** Writes {@code text} in one write, as a paste, then waits until the console prints {@code answer} after it. */
  void paste(String text, String answer) {
    int mark = printed.get().length();
    try {
      keys.send(text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot type " + text, e);
    }
    awaitPrinted(mark, answer, "an answer to " + text.strip());
  }

  /** Waits until the console has printed {@code text} (at any time). */
  void await(String text) {
    awaitPrinted(0, text, "output");
  }

  private void awaitPrinted(int from, String expected, String what) {
    long deadline = System.nanoTime() + ANSWER_WAIT.toNanos();
    while (printed.get().indexOf(expected, from) < 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + what + " within " + ANSWER_WAIT + ": expected \"" + expected
            + "\"; printed:\n" + printed.get());
      }
      BotProcess.pause(Duration.ofMillis(20));
    }
  }
}
