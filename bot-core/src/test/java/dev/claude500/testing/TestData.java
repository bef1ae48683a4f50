package dev.claude500.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the tests' data files from the class path: the real status-page responses and error lines
 * under {@code data/} and the labelled corpora under {@code corpus/} (bot-core's test resources,
 * carried to the other modules' tests and the benchmarks by bot-core's test jar). Each folder's
 * README says where its files come from.
 */
public final class TestData {
  private TestData() {}

  /**
   * Returns a data file's bytes.
   *
   * @param name the file's name on the class path, e.g. {@code data/errors/claude-code-printed-errors.tsv}
   * @throws IllegalStateException when no such file is on the class path
   */
  public static byte[] bytes(String name) {
    try (InputStream in = TestData.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test data " + name + " on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns a data file's text, read as UTF-8.
   *
   * @param name the file's name on the class path
   * @throws IllegalStateException when no such file is on the class path
   */
  public static String read(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }
}
