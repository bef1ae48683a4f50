package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
  @DisplayName("The tour's conversation is what console mode prints for the same input on an unreachable page")
  void theTourIsWhatTheConsolePrints() throws Exception {
    String start = "```\n$ java -jar deploy/target/claude500.jar\n";
    String readme = readme();
    int from = readme.indexOf(start);
    assertThat(from).as("the tour's console block").isNotNegative();
    String block = readme.substring(from + start.length(), readme.indexOf("\n```", from + start.length()));
    Predicate<String> typed = line -> line.startsWith("/claude500") || line.matches("[0-9]+");
    String input = block.lines().filter(typed).map(l -> l + "\n").collect(Collectors.joining());
    String shown = block.lines().filter(typed.negate()).collect(Collectors.joining("\n"));
    assertThat(input).contains("/claude500 API Error: 500");

    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(new String[0], Map.of(
            "CLAUDE500_DB_URL", "jdbc:h2:mem:readme-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
            "CLAUDE500_STATUS_URL", "http://127.0.0.1:" + closedPort),
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    String printed = out.toString(StandardCharsets.UTF_8).strip();
    String pattern = Arrays.stream(shown.split("\\.\\.\\.", -1)).map(Pattern::quote)
        .collect(Collectors.joining(".*?"));
    assertThat(printed).as("README shows (\"...\" stands for anything):%n%s", shown)
        .matches(Pattern.compile(pattern, Pattern.DOTALL));
  }

  @Test
  void theTestCommandIsWhatCiRuns() throws Exception {
    assertThat(readme()).contains("| run the tests | `./mvnw -B verify` |");
    String ci = Files.readString(Path.of("..", ".ci", "run"));
    assertThat(ci).contains("./mvnw -B -ntp verify");
  }
}
