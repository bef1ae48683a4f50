package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's settings table and commands stay true to the launcher. */
class ReadmeTest {
  private static String readme() throws Exception {
    Path p = Path.of("..", "README.md");
    return Files.readString(Files.exists(p) ? p : Path.of("README.md"));
  }

  @Test
  void everySettingIsInTheTableWithItsDefault() throws Exception {
    String readme = readme();
    for (Setting s : Setting.values()) {
      String row = readme.lines().filter(l -> l.startsWith("| `" + s.name() + "` |")).findFirst().orElse("");
      assertThat(row).as(s.name()).isNotEmpty();
      assertThat(row).as(s.name()).contains(s.defaultValue().isEmpty() ? "(none)" : "`" + s.defaultValue() + "`");
    }
  }

  @Test
  void theTestCommandIsWhatCiRuns() throws Exception {
    assertThat(readme()).contains("| run the tests | `./mvnw -B verify` |");
    String ci = Files.readString(Path.of("..", ".ci", "run"));
    assertThat(ci).contains("./mvnw -B -ntp verify");
  }
}
