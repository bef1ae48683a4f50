package dev.claude500.discord;

import static dev.claude500.testing.FakeDiscord.ALICE;
import static dev.claude500.testing.FakeDiscord.TRIAGE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.claude500.testing.FakeDiscord;
import dev.claude500.testing.SubcommandExamples;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every subcommand is registered with Discord and answered: each of {@link SubcommandExamples}
 * checked against the {@code /claude500} the adapter registered (its arguments given as that
 * subcommand's options, in their order, a {@code key=value} one as the option {@code key}), used through the real JDA client on a loopback Discord,
 * and its answer read back from what the bot sent (the reply, a follow-up, a thread's messages).
 */
class EverySubcommandTest {
  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.claude500.testing.SubcommandExamples#all")
  @DisplayName("Every subcommand is registered in Discord and answered")
  void everySubcommandIsAnswered(SubcommandExamples.Example example) throws Exception {
    try (LoopbackDiscord d = new LoopbackDiscord()) {
      JsonNode registered = registered(d.discord, example.subcommand().word());
      List<String> optionNames = new ArrayList<>();
      registered.path("options").forEach(o -> optionNames.add(o.path("name").asText()));
      assertThat(optionNames).as("options of %s", example.subcommand())
          .hasSizeGreaterThanOrEqualTo(example.arguments().size());
      Map<String, String> options = new LinkedHashMap<>();
      for (int i = 0; i < example.arguments().size(); i++) {
        String argument = example.arguments().get(i);
        int eq = argument.indexOf('=');
        if (eq > 0 && optionNames.contains(argument.substring(0, eq))) {
          options.put(argument.substring(0, eq), argument.substring(eq + 1)); // a filter is its own option
        } else {
          options.put(optionNames.get(i), argument);
        }
      }
      d.discord.slash(TRIAGE, ALICE, example.subcommand().word(), options);
      for (String shown : example.shows()) {
        awaitShown(d.discord, shown);
      }
    }
  }

  /** Returns the subcommand {@code word} of the {@code /claude500} the bot registered; fails when there is none. */
  private static JsonNode registered(FakeDiscord discord, String word) {
    List<FakeDiscord.Call> puts = discord.calls("PUT", ".*/commands");
    assertThat(puts).as("/claude500 registered").isNotEmpty();
    JsonNode command = StreamSupport.stream(puts.get(puts.size() - 1).body().spliterator(), false)
        .filter(c -> c.path("name").asText().equals(SlashCommand.NAME)).findFirst()
        .orElseThrow(() -> new AssertionError("no /claude500 among " + puts));
    return StreamSupport.stream(command.path("options").spliterator(), false)
        .filter(o -> o.path("type").asInt() == 1 && o.path("name").asText().equals(word)).findFirst()
        .orElseThrow(() -> new AssertionError("subcommand " + word + " is not registered: " + command));
  }

  /** Waits until something the bot sent to Discord shows {@code text}. */
  private static void awaitShown(FakeDiscord discord, String text) throws InterruptedException {
    long deadline = System.nanoTime() + LoopbackDiscord.WAIT.toNanos();
    while (discord.calls().stream().filter(c -> !c.is("PUT", ".*/commands"))
        .noneMatch(c -> c.body() != null && c.body().toString().contains(json(text)))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("nothing sent shows \"" + text + "\"; calls:\n" + discord.describe());
      }
      Thread.sleep(20);
    }
  }

  /** Returns {@code text} as it appears inside a JSON string. */
  private static String json(String text) {
    String quoted = new TextNode(text).toString();
    return quoted.substring(1, quoted.length() - 1);
  }
}
