package dev.claude500.launcher;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * {@link Main#run} in console mode on a thread of its own, typed into as a person does
 * ({@link Typist}), its output and errors kept. Not thread-safe: one test thread drives it.
 */
final class LiveConsole implements AutoCloseable {
  private final Keyboard keyboard = new Keyboard();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ExecutorService thread = Executors.newSingleThreadExecutor();
  private final Typist typist = new Typist(keyboard::write, this::output);
  private final Future<Integer> status;

  /** Starts {@code Main.run(args, env, ...)}. */
  LiveConsole(Map<String, String> env, String... args) {
    status = thread.submit(() -> Main.run(args, env, keyboard,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
  }

  /** Starts console mode ({@code console} argument) with the settings {@code env}. */
  static LiveConsole console(Map<String, String> env) {
    return new LiveConsole(env, "console");
  }

  /** Types {@code line}, then waits until the console prints {@code answer} after it. */
  void type(String line, String answer) {
    typist.type(line, answer);
  }

  /** Pastes {@code text} in one write, then waits until the console prints {@code answer} after it. */
  void paste(String text, String answer) {
    typist.paste(text, answer);
  }

  /** Waits until the console has printed {@code text}. */
  void await(String text) {
    typist.await(text);
  }

  /** Returns what the console printed so far. */
  String output() {
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Returns what it wrote to standard error so far. */
  String errors() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** Ends the input and returns the exit status. */
  int end() throws Exception {
    keyboard.close();
    return status.get(Typist.ANSWER_WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    keyboard.close();
    thread.shutdownNow();
  }
}
