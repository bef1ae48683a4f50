package dev.claude500.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rows of {@code data/errors/claude-code-printed-errors.tsv}: error lines as Claude Code
 * printed them, with the status, type and request id each carries (empty field = not carried).
 */
public final class PrintedErrorLines {
  /** The file's name on the class path (see {@link TestData}). */
  public static final String FILE = "data/errors/claude-code-printed-errors.tsv";

  /**
   * One row.
   *
   * @param source the issue it was reported in
   * @param httpStatus the status the line carries, if any
   * @param type the error type it carries, if any
   * @param requestId the request id it carries, if any
   * @param text the line as printed
   */
  public record Row(
      String source,
      Optional<Integer> httpStatus,
      Optional<String> type,
      Optional<String> requestId,
      String text) {
    /** Returns the line without Claude Code's {@code ⎿} and indentation before it. */
    public String withoutPrefix() {
      return text.replaceFirst("^[\\s⎿]+", "");
    }

    @Override
    public String toString() {
      return source + " " + text;
    }
  }

  private PrintedErrorLines() {}

  /** Returns every row, in file order. */
  public static List<Row> all() {
    List<Row> rows = new ArrayList<>();
    for (String line : TestData.read(FILE).split("\r?\n")) {
      if (line.isBlank() || line.startsWith("# ")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 5) {
        throw new IllegalStateException("expected 5 tab-separated fields: " + line);
      }
      rows.add(
          new Row(
              f[0],
              present(f[1]).map(Integer::valueOf),
              present(f[2]),
              present(f[3]),
              f[4]));
    }
    return List.copyOf(rows);
  }

  private static Optional<String> present(String field) {
    return field.isEmpty() ? Optional.empty() : Optional.of(field);
  }
}
