package dev.claude500.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds the files in the project's {@code shared/} folder (real status-page responses and error
 * lines), which sits beside the project's root: {@code CLAUDE500_SHARED_DIR} when set, else the
 * first {@code ../shared} found walking up from the working directory.
 */
public final class SharedData {
  private SharedData() {}

  /** Returns the shared folder. */
  public static Path root() {
    String configured = System.getenv("CLAUDE500_SHARED_DIR");
    if (configured != null && Files.isDirectory(Paths.get(configured, "data"))) {
      return Paths.get(configured).toAbsolutePath().normalize();
    }
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("../shared").normalize();
      if (Files.isDirectory(candidate.resolve("data"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("cannot find the shared/ folder beside the project");
  }

  /** Returns a path inside the shared folder, e.g. {@code data/errors/claude-code-printed-errors.tsv}. */
  public static Path path(String relative) {
    return root().resolve(relative);
  }

  /** Returns a shared file's text. */
  public static String read(String relative) {
    try {
      return Files.readString(path(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
