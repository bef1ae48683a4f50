package dev.claude500.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.Choice;
import dev.claude500.chat.Reply;
import dev.claude500.chat.Text;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CustomIdsTest {
  private final CustomIds ids = new CustomIds(CustomIds.MAX);

  @Test
  @DisplayName("answer, paste and modal ids carry the token (and value) and read back")
  void roundTrip() {
    assertThat(ids.answer("where@3", "login")).isEqualTo("c5:a:where@3:login");
    assertThat(ids.parse(ids.answer("where@3", "login"))).contains(new CustomIds.Id(CustomIds.Kind.ANSWER, "where@3", "login"));
    assertThat(ids.parse(ids.paste("esc-status@7"))).contains(new CustomIds.Id(CustomIds.Kind.PASTE, "esc-status@7", ""));
    assertThat(ids.parse(ids.modal("esc-status@7"))).contains(new CustomIds.Id(CustomIds.Kind.MODAL, "esc-status@7", ""));
    CustomIds.Id exact = ids.parse(ids.answer("where@3", "login")).orElseThrow();
    assertThat(ids.resolve(exact, () -> {
      throw new AssertionError("an id that carries its token needs no lookup");
    })).contains(exact);
  }

  @Test
  @DisplayName("colons and percent signs in tokens and values survive")
  void escaping() {
    String id = ids.answer("step:1@2", "a:b%3A");
    assertThat(ids.parse(id)).contains(new CustomIds.Id(CustomIds.Kind.ANSWER, "step:1@2", "a:b%3A"));
  }

  @Test
  @DisplayName("an id longer than Discord's 100 characters carries hashes, and resolves against the waiting question,"
      + " in any process")
  void longIds() {
    String token = "a-very-long-step-id-".repeat(4) + "@12";
    String value = "value-".repeat(5);
    Reply.Question waiting = new Reply.Question(token, Text.plain("Which?"),
        List.of(new Choice("other", "Other"), new Choice(value, "This one")));

    String id = ids.answer(token, value);

    assertThat(id).hasSizeLessThanOrEqualTo(CustomIds.MAX).startsWith("c5:A:");
    CustomIds afterRestart = new CustomIds(CustomIds.MAX);
    CustomIds.Id parsed = afterRestart.parse(id).orElseThrow();
    assertThat(parsed.hashed()).isTrue();
    assertThat(afterRestart.resolve(parsed, () -> Optional.of(waiting)))
        .contains(new CustomIds.Id(CustomIds.Kind.ANSWER, token, value));
  }

  @Test
  @DisplayName("a hashed id reads as stale when its question is no longer the one waiting, or has no such choice")
  void longIdsGoStale() {
    String token = "a-very-long-step-id-".repeat(4) + "@12";
    String id = ids.answer(token, "value-".repeat(20));
    CustomIds.Id parsed = ids.parse(id).orElseThrow();
    Reply.Question next = new Reply.Question("a-very-long-step-id-".repeat(4) + "@13", Text.plain("Next?"),
        List.of(new Choice("value-".repeat(20), "Same value, next question")));
    Reply.Question same = new Reply.Question(token, Text.plain("Which?"), List.of(new Choice("other", "Other")));

    assertThat(ids.resolve(parsed, () -> Optional.of(next))).isEmpty();
    assertThat(ids.resolve(parsed, () -> Optional.of(same))).isEmpty();
    assertThat(ids.resolve(parsed, Optional::empty)).isEmpty();
  }

  @Test
  @DisplayName("a hashed paste button opens a hashed modal, which resolves against the waiting text request")
  void longPasteAndModal() {
    String token = "paste-the-output-of-a-very-long-diagnostic-command-".repeat(2) + "@4";
    Reply.TextRequest waiting = new Reply.TextRequest(token, Text.plain("Paste it"), List.of());
    CustomIds.Id paste = ids.parse(ids.paste(token)).orElseThrow();
    assertThat(paste.kind()).isEqualTo(CustomIds.Kind.PASTE);
    assertThat(paste.hashed()).isTrue();

    String modal = ids.modalFor(paste);

    assertThat(modal).hasSizeLessThanOrEqualTo(CustomIds.MAX).startsWith("c5:M:");
    assertThat(ids.resolve(ids.parse(modal).orElseThrow(), () -> Optional.of(waiting)))
        .contains(new CustomIds.Id(CustomIds.Kind.MODAL, token, ""));
    assertThat(ids.modalFor(ids.parse(ids.paste("short@1")).orElseThrow())).isEqualTo("c5:m:short@1");
  }

  @Test
  @DisplayName("ids that are not ours read as nothing")
  void foreign() {
    assertThat(ids.parse("other:thing")).isEmpty();
    assertThat(ids.parse("c5:z:x")).isEmpty();
    assertThat(ids.parse("c5:a:token-without-value")).isEmpty();
    assertThat(ids.parse("c5:k:0123456789abcdef")).as("an id of the former in-memory scheme").isEmpty();
    assertThat(ids.parse(null)).isEmpty();
  }
}
