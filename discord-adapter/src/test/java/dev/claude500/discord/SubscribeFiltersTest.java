package dev.claude500.discord;

import static dev.claude500.testing.FakeDiscord.ALICE;
import static dev.claude500.testing.FakeDiscord.TRIAGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.ChannelMention;
import dev.claude500.chat.ChannelRef;
import dev.claude500.testing.FakeDiscord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The filters as options of Discord's {@code subscribe}, through the real JDA client on a loopback Discord. */
class SubscribeFiltersTest {
  @Test
  @DisplayName("Discord's subscribe options become the core's filters: a picked role is the mention; channel is refused in one line")
  void optionsAreFilters() throws Exception {
    try (LoopbackDiscord d = new LoopbackDiscord()) {
      List<String> registered = new java.util.ArrayList<>();
      d.discord.calls("PUT", ".*/commands").get(0).body().forEach(c -> c.path("options").forEach(s -> {
        if (s.path("name").asText().equals("subscribe")) {
          s.path("options").forEach(o -> registered.add(o.path("name").asText()));
        }
      }));
      assertThat(registered).containsExactly("components", "min", "maintenance", "mention", "role", "quiet", "tz");

      d.discord.slash(TRIAGE, ALICE, "subscribe", Map.of("min", "major", "role", "987654321", "maintenance", "off",
          "quiet", "22:00-07:00", "tz", "Europe/Paris"));
      awaitSaid(d.discord, "mention=<@&987654321>");
      assertThat(d.store.subscriptions().find(new ChannelRef("discord", TRIAGE))).get().satisfies(s -> {
        assertThat(s.filters().mention()).isEqualTo(ChannelMention.role("987654321"));
        assertThat(s.filters().maintenance()).isFalse();
      });

      d.discord.slash(TRIAGE, ALICE, "subscribe", Map.of("mention", "channel"));
      awaitSaid(d.discord, "Nothing changed. `mention=channel` is not allowed");
      assertThat(d.store.subscriptions().find(new ChannelRef("discord", TRIAGE))).get()
          .satisfies(s -> assertThat(s.filters().mention()).isEqualTo(ChannelMention.role("987654321")));
    }
  }

  @Test
  @DisplayName("Subscribing with mention here or everyone where the bot lacks Mention Everyone says the mention will not"
      + " ping anyone; without a mention it says nothing of it")
  void mentionWithoutMentionEveryone() throws Exception {
    try (LoopbackDiscord d = new LoopbackDiscord()) {
      d.discord.slash(TRIAGE, ALICE, "subscribe", Map.of("min", "major"));
      awaitSaid(d.discord, "min=major");
      assertThat(said(d.discord)).noneMatch(text -> text.contains("Mention Everyone"));

      d.discord.slash(TRIAGE, ALICE, "subscribe", Map.of("mention", "here"));
      awaitSaid(d.discord, "mention=here");
      assertThat(said(d.discord)).filteredOn(text -> text.contains("mention=here")).singleElement()
          .satisfies(text -> assertThat(text).contains("I am missing Mention Everyone in this channel")
              .contains("@here without pinging anyone").doesNotContain("incident posts will fail"));

      d.discord.slash(TRIAGE, ALICE, "subscribe", Map.of("mention", "everyone"));
      awaitSaid(d.discord, "will show @everyone without pinging anyone");
    }
  }

  /** Returns the content of every answer sent so far. */
  private static List<String> said(FakeDiscord discord) {
    return discord.calls().stream().filter(c -> !c.is("PUT", ".*/commands") && c.body() != null)
        .map(c -> c.body().path("content").asText()).filter(text -> !text.isEmpty()).toList();
  }

  private static void awaitSaid(FakeDiscord discord, String text) throws InterruptedException {
    long deadline = System.nanoTime() + LoopbackDiscord.WAIT.toNanos();
    while (discord.calls().stream().filter(c -> !c.is("PUT", ".*/commands"))
        .noneMatch(c -> c.body() != null && c.body().toString().contains(text))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("nothing sent shows \"" + text + "\"; calls:\n" + discord.describe());
      }
      Thread.sleep(20);
    }
  }
}
