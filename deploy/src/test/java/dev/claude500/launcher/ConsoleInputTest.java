package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ConsoleInputTest {
  private static final String PASTE = "API Error: 500 {\"type\":\"error\",\n  \"error\":{\"type\":\"api_error\"}}\n"
      + "Request ID: req_011CXmPAT8xd3GWgKxdq8TRC\n";
  private static final String START = "\u001b[200~";
  private static final String END = "\u001b[201~";

  private final Keyboard keyboard = new Keyboard();

  private static List<String> texts(ConsoleInput input) throws IOException {
    List<String> texts = new ArrayList<>();
    Optional<ConsoleInput.Input> next;
    while ((next = input.next()).isPresent()) {
      texts.add(next.get().text());
    }
    return texts;
  }

  @Test
  @DisplayName("Lines written in one write are one input, joined with \\n, however long the window")
  void linesOfOneWriteAreOneInput() throws Exception {
    keyboard.write(PASTE);
    keyboard.write("2\n");
    keyboard.close();
    assertThat(texts(ConsoleInput.start(keyboard, Duration.ZERO)))
        .containsExactly(PASTE.strip(), "2");
  }

  @Test
  @DisplayName("Lines already waiting when the one before is read join it, though read in several pieces")
  void linesWaitingInTheStreamJoin() throws Exception {
    // 32 KiB of 128-byte lines: several reads of a power-of-two buffer, each ending at a line end
    String paste = ("x".repeat(127) + "\n").repeat(256);
    ConsoleInput input = ConsoleInput.start(
        new ByteArrayInputStream((paste + "more\n").getBytes(StandardCharsets.UTF_8)), Duration.ZERO);
    assertThat(texts(input)).containsExactly(paste + "more");
  }

  @Test
  @DisplayName("Lines typed one after the other, each read before the next comes, are separate inputs")
  void linesTypedWithPausesAreSeparate() throws Exception {
    ConsoleInput input = ConsoleInput.start(keyboard, ConsoleInput.WINDOW);
    keyboard.write("/claude500\n");
    assertThat(input.next()).contains(new ConsoleInput.Input("/claude500", false));
    keyboard.write("1\n");
    assertThat(input.next()).contains(new ConsoleInput.Input("1", false));
    keyboard.write("in every session\r\n");
    assertThat(input.next()).contains(new ConsoleInput.Input("in every session", false));
    keyboard.close();
    assertThat(input.next()).isEmpty();
    assertThat(input.next()).isEmpty();
  }

  @Test
  @DisplayName("A line that arrives within the window after the one before joins it; without a window it does not")
  void theWindowJoinsLinesOfSeparateArrivals() throws Exception {
    ConsoleInput windowed = ConsoleInput.start(keyboard, Duration.ofSeconds(2));
    CompletableFuture<List<String>> read = CompletableFuture.supplyAsync(() -> {
      try {
        return texts(windowed);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    keyboard.write("API Error: 500 {\"type\":\"error\"}\n");
    keyboard.write("Request ID: req_1\n");
    keyboard.close();
    assertThat(read.get(20, TimeUnit.SECONDS))
        .containsExactly("API Error: 500 {\"type\":\"error\"}\nRequest ID: req_1");

    Keyboard unjoined = new Keyboard();
    unjoined.write("API Error: 500 {\"type\":\"error\"}\n");
    unjoined.write("Request ID: req_1\n");
    unjoined.close();
    assertThat(texts(ConsoleInput.start(unjoined, Duration.ZERO)))
        .containsExactly("API Error: 500 {\"type\":\"error\"}", "Request ID: req_1");
  }

  @Test
  @DisplayName("Bracketed-paste markers delimit one input exactly, whatever the window, and are removed")
  void bracketedPasteIsOneInput() throws Exception {
    keyboard.write("2\n" + START + "API Error: 500\n");
    keyboard.write("Request ID: req_1" + END.substring(0, 3)); // a read can cut a marker
    keyboard.write(END.substring(3) + "\n3\n");
    keyboard.close();
    assertThat(texts(ConsoleInput.start(keyboard, Duration.ofSeconds(5))))
        .containsExactly("2", "API Error: 500\nRequest ID: req_1", "3");
  }

  @Test
  @DisplayName("A paste typed into a line belongs to that line, up to its end")
  void aPasteInALine() throws Exception {
    keyboard.write("/claude500 " + START + "API Error: 529\n\nOverloaded" + END + " please\n1\n");
    keyboard.write("\u001b[A stray escape\n");
    keyboard.close();
    assertThat(texts(ConsoleInput.start(keyboard, Duration.ZERO)))
        .containsExactly("/claude500 API Error: 529\n\nOverloaded please", "1", "\u001b[A stray escape");
  }

  @Test
  @DisplayName("An input keeps 500 lines and 64 Ki characters; the rest of it is dropped and it says it was cut")
  void anInputIsBounded() throws Exception {
    String line = "line of a long paste\n";
    keyboard.write(line.repeat(ConsoleInput.MAX_LINES + 100));
    keyboard.write("x".repeat(ConsoleInput.MAX_CHARS + 10_000) + "\n");
    keyboard.write("1\n");
    keyboard.close();
    ConsoleInput input = ConsoleInput.start(keyboard, Duration.ZERO);

    ConsoleInput.Input lines = input.next().orElseThrow();
    assertThat(lines.cut()).isTrue();
    assertThat(lines.text()).isEqualTo(line.repeat(ConsoleInput.MAX_LINES).strip());
    ConsoleInput.Input chars = input.next().orElseThrow();
    assertThat(chars.cut()).isTrue();
    assertThat(chars.text()).hasSize(ConsoleInput.MAX_CHARS);
    assertThat(input.next()).contains(new ConsoleInput.Input("1", false));
    assertThat(input.next()).isEmpty();
  }

  @Test
  void aCutNeverSplitsASurrogatePair() {
    BoundedText text = new BoundedText(3, 10);
    text.append("ab\uD83D\uDE00");
    assertThat(text.text()).isEqualTo("ab");
    assertThat(text.cut()).isTrue();
    BoundedText exact = new BoundedText(4, 2);
    exact.append("ab\uD83D\uDE00\n");
    assertThat(exact.text()).isEqualTo("ab\uD83D\uDE00");
    assertThat(exact.cut()).isFalse();
  }

  @Test
  @DisplayName("A last line without a line end is an input; a read failure comes after the input read before it")
  void theEndAndAFailure() throws Exception {
    keyboard.write("1\nlast words");
    keyboard.fail(new IOException("input/output error"));
    ConsoleInput input = ConsoleInput.start(keyboard, Duration.ZERO);
    assertThat(input.next()).contains(new ConsoleInput.Input("1\nlast words", false));
    assertThatThrownBy(input::next).isInstanceOf(IOException.class).hasMessage("input/output error");
    assertThat(input.next()).isEmpty();
  }
}
