package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README's tour, settings table and commands stay true to the launcher. */
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
  @DisplayName("The tour's conversation is what console mode prints for the same lines, typed one at a time, on an unreachable page")
  void theTourIsWhatTheConsolePrints() throws Exception {
    String start = "```\n$ java -jar deploy/target/claude500.jar\n";
    String readme = readme();
    int from = readme.indexOf(start);
    assertThat(from).as("the tour's console block").isNotNegative();
    String block = readme.substring(from + start.length(), readme.indexOf("\n```", from + start.length()));
    Predicate<String> typed = line -> line.startsWith("/claude500") || line.matches("[0-9]+");
    List<String> lines = block.lines().toList();
    String shown = lines.stream().filter(typed.negate()).collect(Collectors.joining("\n"));
    assertThat(lines).anyMatch(line -> line.startsWith("/claude500 API Error: 500"));

    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    try (LiveConsole console = new LiveConsole(Map.of(
        "CLAUDE500_DB_URL", "jdbc:h2:mem:readme-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        "CLAUDE500_STATUS_URL", "http://127.0.0.1:" + closedPort))) {
      for (int i = 0; i < lines.size(); i++) {
        if (typed.test(lines.get(i))) {
          console.type(lines.get(i), firstShownAfter(lines, i, typed));
        }
      }
      assertThat(console.end()).isZero();
      assertThat(console.errors()).isEmpty();
      String printed = console.output().strip();
      String pattern = Arrays.stream(shown.split("\\.\\.\\.", -1)).map(Pattern::quote)
          .collect(Collectors.joining(".*?"));
      assertThat(printed).as("README shows (\"...\" stands for anything):%n%s", shown)
          .matches(Pattern.compile(pattern, Pattern.DOTALL));
    }
  }

  /** Returns the first text the tour shows after the typed line {@code i}, up to any "...". */
  private static String firstShownAfter(List<String> lines, int i, Predicate<String> typed) {
    return lines.subList(i + 1, lines.size()).stream()
        .takeWhile(typed.negate())
        .map(line -> line.split("\\.\\.\\.", -1)[0].strip())
        .filter(text -> !text.isEmpty())
        .findFirst()
        .orElseThrow(() -> new AssertionError("the tour shows no answer to " + lines.get(i)));
  }

  @Test
  @DisplayName("The README says where the console writes its log and that one console runs per folder, as the launcher does")
  void theConsoleLogAndOneConsolePerFolder() throws Exception {
    String readme = readme().replaceAll("\\s+", " ");
    String log = Main.LOG_FILE.toString().replace('\\', '/');
    assertThat(readme)
        .contains("The console writes its log to `" + log + "` in the folder it is started in, appending (to `"
            + Main.LOG_FILE.getFileName() + "` in the system's temporary folder when `" + Main.LOG_FILE.getParent()
            + "/` cannot be made there)")
        .contains("one console runs per folder")
        .contains("A second one started in the same folder stops at once with exit status 1 and one line, `"
            + ConsoleFolderIT.SECOND_CONSOLE + " ...`");
    assertThat(ConsoleFolderIT.SECOND_CONSOLE).as("the store the README speaks of is the default one")
        .contains(Setting.CLAUDE500_DB_URL.defaultValue() + ":");
  }

  @Test
  void theTestCommandIsWhatCiRuns() throws Exception {
    assertThat(readme()).contains("| run the tests | `./mvnw -B verify` |");
    String ci = Files.readString(Path.of("..", ".ci", "run"));
    assertThat(ci).contains("./mvnw -B -ntp verify");
  }
}
