package dev.claude500.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claude500.errors.ErrorTextParser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InputLimitsTest {
  @Test
  @DisplayName("keeps text within the limit as it is, with no note")
  void keepsShortText() {
    Bounded kept = InputLimits.cut("short", 10);

    assertThat(kept.text()).isEqualTo("short");
    assertThat(kept.wasCut()).isFalse();
    assertThat(kept.note()).isEmpty();
    assertThat(kept.withNote()).isEqualTo("short");
  }

  @Test
  @DisplayName("cuts long text and says how much was pasted and kept")
  void cutsLongText() {
    Bounded kept = InputLimits.cut("x".repeat(1_048_576), InputLimits.MAX_EVIDENCE_CHARS);

    assertThat(kept.text()).hasSize(4_000);
    assertThat(kept.note()).contains("(cut: 1,048,576 characters pasted, first 4,000 kept)");
    assertThat(kept.withNote()).endsWith("x\n(cut: 1,048,576 characters pasted, first 4,000 kept)");
  }

  @Test
  @DisplayName("never splits a surrogate pair")
  void neverSplitsASurrogatePair() {
    String text = "ab😀cd";

    assertThat(InputLimits.cut(text, 3).text()).isEqualTo("ab");
    assertThat(InputLimits.cut(text, 4).text()).isEqualTo("ab😀");
    assertThat(InputLimits.cut(text, 0).text()).isEmpty();
  }

  @Test
  @DisplayName("refuses a negative limit, naming it")
  void refusesNegativeLimit() {
    assertThatThrownBy(() -> InputLimits.cut("x", -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxChars");
  }

  @Test
  @DisplayName("cleans control characters and line endings, keeping newlines, tabs and emoji")
  void cleans() {
    assertThat(InputLimits.clean("a\r\nb\rc\n\td\u0000e\u001Bf\u007Fg\u0085h😀\uD800i\uDC00j"))
        .isEqualTo("a\nb\nc\n\tdefgh😀ij");
  }

  @Test
  @DisplayName("redacts before it cuts, and counts what was pasted")
  void redactsThenCuts() {
    String key = "sk-ant-api03-" + "Q".repeat(40) + "9z";
    String text = "x".repeat(94) + " " + key + "\r\n" + "y".repeat(10_000);

    Bounded kept = InputLimits.redactedCut(text, 100);

    assertThat(kept.text()).isEqualTo("x".repeat(94) + " [reda");
    assertThat(kept.note()).contains("(cut: 10,152 characters pasted, first 100 kept)");
    assertThat(InputLimits.cut(text, 100).text()).as("cutting first would leak").contains("sk-an");
  }

  @Test
  @DisplayName("agrees with the parser on how much of a message is read")
  void agreesWithTheParser() {
    assertThat(InputLimits.MAX_MESSAGE_CHARS).isEqualTo(ErrorTextParser.MAX_CHARS_CONSIDERED);
  }
}
