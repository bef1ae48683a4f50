package dev.claude500.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CustomIdsTest {
  private final CustomIds ids = new CustomIds();

  @Test
  @DisplayName("answer, paste and modal ids carry the token (and value) and read back")
  void roundTrip() {
    assertThat(ids.answer("where@3", "login")).isEqualTo("c5:a:where@3:login");
    assertThat(ids.parse(ids.answer("where@3", "login"))).contains(new CustomIds.Id(CustomIds.Kind.ANSWER, "where@3", "login"));
    assertThat(ids.parse(ids.paste("esc-status@7"))).contains(new CustomIds.Id(CustomIds.Kind.PASTE, "esc-status@7", ""));
    assertThat(ids.parse(ids.modal("esc-status@7"))).contains(new CustomIds.Id(CustomIds.Kind.MODAL, "esc-status@7", ""));
  }

  @Test
  @DisplayName("colons and percent signs in tokens and values survive")
  void escaping() {
    String id = ids.answer("step:1@2", "a:b%3A");
    assertThat(ids.parse(id)).contains(new CustomIds.Id(CustomIds.Kind.ANSWER, "step:1@2", "a:b%3A"));
  }

  @Test
  @DisplayName("an id longer than Discord's 100 characters is kept short and still reads back in this process")
  void longIds() {
    String token = "a-very-long-step-id-".repeat(4) + "@12";
    String id = ids.answer(token, "value-".repeat(5));
    assertThat(id).hasSizeLessThanOrEqualTo(CustomIds.MAX).startsWith("c5:k:");
    assertThat(ids.parse(id)).contains(new CustomIds.Id(CustomIds.Kind.ANSWER, token, "value-".repeat(5)));
    assertThat(new CustomIds().parse(id)).as("after a restart").isEmpty();
  }

  @Test
  @DisplayName("ids that are not ours read as nothing")
  void foreign() {
    assertThat(ids.parse("other:thing")).isEmpty();
    assertThat(ids.parse("c5:z:x")).isEmpty();
    assertThat(ids.parse("c5:a:token-without-value")).isEmpty();
    assertThat(ids.parse(null)).isEmpty();
  }
}
