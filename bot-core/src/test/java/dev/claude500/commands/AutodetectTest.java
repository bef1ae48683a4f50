package dev.claude500.commands;

import static org.assertj.core.api.Assertions.assertThat;
import dev.claude500.testing.TeamStatsRigs;

import dev.claude500.chat.Actor;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.PlainTextRenderer;
import dev.claude500.chat.Reply;
import dev.claude500.chat.Text;
import dev.claude500.commands.Surface.Ability;
import dev.claude500.playbook.PlaybookLoader;
import dev.claude500.status.StatusSnapshot;
import dev.claude500.store.InMemoryStore;
import dev.claude500.testing.FixedStatusSource;
import dev.claude500.testing.MutableClock;
import dev.claude500.testing.StatusFixtures;
import dev.claude500.testing.SubcommandExamples;
import dev.claude500.testing.TriageEngines;
import dev.claude500.triage.TriageEngine;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code autodetect on|off} where the bot reads messages and where it does not, and the offer's words. */
class AutodetectTest {
  private static final Surface READS = Surface.of(Ability.THREADS, Ability.BUTTONS, Ability.PRIVATE_ANSWERS,
      Ability.READS_MESSAGES, Ability.MESSAGE_MENU);
  private static final Surface NAMED_OPTIONS = Surface.of(Ability.THREADS, Ability.BUTTONS, Ability.PRIVATE_ANSWERS,
      Ability.NAMED_OPTIONS, Ability.FORMS);
  private static final ChannelRef CHANNEL = new ChannelRef("slack", "C1");

  private final InMemoryStore store = new InMemoryStore();
  private final FixedStatusSource status = new FixedStatusSource(StatusFixtures.greenSnapshot());
  private final MutableClock clock = new MutableClock(StatusFixtures.GREEN_AT.plusSeconds(30));
  private final TriageEngine engine = TriageEngines.of(Map.of("claude-code-500", PlaybookLoader.builtIn()),
      "claude-code-500", store.conversations(), status, clock, Duration.ofMinutes(30));
  private final Commands commands = new Commands(engine, status,
      new SubscriptionService(store.subscriptions(), store.autodetect(), status, clock), clock, TeamStatsRigs.of(store, clock));
  private final Actor ann = new Actor("U0ANN", "ann");

  private String said(String typed, Surface surface) {
    Answer answer = commands.answer(CommandParser.parse(typed), new Invocation(surface, CHANNEL, ann));
    assertThat(answer).isInstanceOf(Answer.Say.class);
    return PlainTextRenderer.render(((Answer.Say) answer).reply());
  }

  @Test
  @DisplayName("Off by default; on and off are stored per channel and shown by subscriptions")
  void onAndOffWhereTheBotReadsMessages() {
    assertThat(said("subscriptions", READS)).contains("This channel has no subscription.")
        .contains("Autodetect is off");
    assertThat(said("autodetect", READS)).startsWith("Autodetect is off");

    assertThat(said("autodetect on", READS)).startsWith("Autodetect is on").contains("Claude Code API error")
        .contains("keep nothing of those without an error");
    assertThat(store.autodetect().find(CHANNEL)).hasValueSatisfying(s -> assertThat(s.turnedOnBy()).isEqualTo("U0ANN"));
    assertThat(store.autodetect().find(new ChannelRef("slack", "C2"))).isEmpty();
    assertThat(said("subscriptions", READS)).contains("Autodetect is on").contains("turned on by U0ANN");

    assertThat(said("autodetect OFF", READS)).isEqualTo("Autodetect is off: no more offers under pasted errors in this channel.");
    assertThat(store.autodetect().find(CHANNEL)).isEmpty();
    assertThat(said("autodetect off", READS)).isEqualTo("Autodetect was already off in this channel.");
  }

  @Test
  @DisplayName("A word other than on or off changes nothing and says what autodetect takes")
  void otherWordsChangeNothing() {
    assertThat(said("autodetect maybe", READS)).startsWith("autodetect takes on or off. Autodetect is off");
    assertThat(store.autodetect().find(CHANNEL)).isEmpty();
  }

  @Test
  @DisplayName("Where the bot does not read messages, autodetect is understood, answered as Slack only, and stores nothing")
  void slackOnlyElsewhere() {
    assertThat(said("autodetect on", NAMED_OPTIONS)).startsWith("Autodetect works in Slack only")
        .contains("/claude500 triage error:<the error line>");
    assertThat(said("autodetect on", Surface.of())).startsWith("Autodetect works in Slack only")
        .contains("/claude500 <pasted error line>");
    assertThat(store.autodetect().find(CHANNEL)).isEmpty();
    assertThat(said("subscriptions", NAMED_OPTIONS)).doesNotContain("Autodetect");
  }

  @Test
  @DisplayName("Help lists autodetect on every surface, and the message menu where there is one")
  void help() {
    assertThat(said("help", READS)).contains("/claude500 autodetect on|off offer a triage, only to its author")
        .contains("Triage with claude500 in the menu of a message");
    assertThat(said("help", Surface.of())).contains("/claude500 autodetect on|off offers under pasted errors: Slack only")
        .doesNotContain("Triage with claude500");
  }

  @Test
  @DisplayName("An offer says what the error is and the page's colour, for 500, 529, 429 and 401 only")
  void offers() {
    assertThat(offer(SubcommandExamples.ERROR_500)).contains("API Error: 500")
        .contains("The status page is 🟢 green now, no open incident");
    assertThat(offer("API Error: 529 {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"))
        .contains("529 overloaded");
    assertThat(offer("API Error: Rate limit reached")).contains("429");
    assertThat(offer("Invalid API key · Please run /login")).contains("401");
    status.set(StatusFixtures.redSnapshot());
    clock.set(StatusFixtures.RED_AT.plusSeconds(5));
    assertThat(offer(SubcommandExamples.ERROR_500)).contains("now: ").contains(" red now").doesNotContain("green");
    status.set(StatusSnapshot.unknown("connection refused"));
    assertThat(offer(SubcommandExamples.ERROR_500)).contains("I have not read the status page yet");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "good morning", "the deploy returned 404 again",
      "API Error: 502 Bad Gateway", "npm error code EACCES"})
  @DisplayName("No offer for text without a 500, 529, 429 or 401")
  void noOffer(String text) {
    assertThat(commands.offer(text)).isEmpty();
  }

  @Test
  @DisplayName("One offer per person per 10 minutes, whatever the channel")
  void offerRate() {
    Autodetect autodetect = commands.autodetect();
    assertThat(autodetect.claimOffer(CHANNEL, "U1")).isTrue();
    assertThat(autodetect.claimOffer(new ChannelRef("slack", "C2"), "U1")).isFalse();
    assertThat(autodetect.claimOffer(CHANNEL, "U2")).isTrue();
    clock.advance(Duration.ofMinutes(10).minusSeconds(1));
    assertThat(autodetect.claimOffer(CHANNEL, "U1")).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(autodetect.claimOffer(CHANNEL, "U1")).isTrue();
  }

  private String offer(String text) {
    Optional<Text> offer = commands.offer(text);
    assertThat(offer).as("offer for %s", text).isPresent();
    return PlainTextRenderer.render(new Reply.Message(offer.get()));
  }
}
