package dev.claude500.commands;

import static org.assertj.core.api.Assertions.assertThat;
import dev.claude500.stats.TeamStats;
import dev.claude500.testing.TeamStatsRigs;

import dev.claude500.chat.Actor;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.PlainTextRenderer;
import dev.claude500.chat.Reply;
import dev.claude500.chat.Span;
import dev.claude500.commands.Surface.Ability;
import dev.claude500.playbook.Playbook;
import dev.claude500.playbook.PlaybookLoader;
import dev.claude500.status.StatusIndicator;
import dev.claude500.status.StatusSnapshot;
import dev.claude500.status.StatusSource;
import dev.claude500.store.InMemoryStore;
import dev.claude500.testing.FixedStatusSource;
import dev.claude500.testing.MutableClock;
import dev.claude500.testing.StatusFixtures;
import dev.claude500.testing.SubcommandExamples;
import dev.claude500.testing.TriageEngines;
import dev.claude500.triage.TriageEngine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CommandsTest {
  private static final Surface CHANNEL_WITH_BUTTONS =
      Surface.of(Ability.THREADS, Ability.BUTTONS, Ability.PRIVATE_ANSWERS);
  private static final Surface SLASH_OPTIONS_AND_FORMS = Surface.of(Ability.THREADS, Ability.BUTTONS,
      Ability.PRIVATE_ANSWERS, Ability.NAMED_OPTIONS, Ability.FORMS);
  private static final Surface PLAIN_TEXT = Surface.of();

  private final InMemoryStore store = new InMemoryStore();
  private final FixedStatusSource status = new FixedStatusSource(StatusFixtures.greenSnapshot());
  private final MutableClock clock = new MutableClock(StatusFixtures.GREEN_AT.plusSeconds(30));
  private final Playbook vpn = PlaybookLoader.parse("vpn.json", ("{\"id\":\"vpn\",\"title\":\"Office VPN drops\","
      + "\"start\":\"done\",\"steps\":[{\"id\":\"done\",\"type\":\"outcome\",\"result\":\"resolved\",\"text\":\"Done.\"}]}")
      .getBytes(StandardCharsets.UTF_8));
  private final TriageEngine engine = TriageEngines.of(Map.of("claude-code-500", PlaybookLoader.builtIn(), "vpn", vpn),
      "claude-code-500", store.conversations(), status, clock, Duration.ofMinutes(30));
  private final Commands commands =
      new Commands(engine, status, new SubscriptionService(store.subscriptions(), store.autodetect(), status, clock), clock, TeamStatsRigs.of(store, clock));
  private final Actor ann = new Actor("U0ANN", "ann");

  private Answer answer(String typed, Surface surface) {
    return commands.answer(CommandParser.parse(typed), new Invocation(surface, new ChannelRef("slack", "C1"), ann));
  }

  private static String said(Answer answer) {
    assertThat(answer).isInstanceOf(Answer.Say.class);
    return PlainTextRenderer.render(((Answer.Say) answer).reply());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.claude500.testing.SubcommandExamples#all")
  @DisplayName("Every subcommand is answered by the core, a triage with its opening and the engine's first question")
  void everySubcommandIsAnswered(SubcommandExamples.Example example) {
    Answer answer = answer("/claude500 " + example.typed(), CHANNEL_WITH_BUTTONS);
    String shown;
    if (answer instanceof Answer.StartTriage start) {
      List<Reply> replies = engine.start(new ConversationKey("slack", "C1", "1.0"), ann, start.pasted(),
          start.playbook().id()).replies();
      shown = PlainTextRenderer.render(start.opening()) + "\n"
          + replies.stream().map(PlainTextRenderer::render).collect(Collectors.joining("\n"));
    } else if (answer instanceof Answer.Stats stats) {
      shown = PlainTextRenderer.render(stats.table());
    } else {
      shown = said(answer);
    }
    assertThat(shown).contains(example.shows());
  }

  @Test
  @DisplayName("Help speaks of buttons, threads and private answers only where the surface has them")
  void helpFitsTheSurface() {
    assertThat(said(answer("help", PLAIN_TEXT)))
        .doesNotContainIgnoringCase("button").doesNotContainIgnoringCase("thread")
        .doesNotContain("only you see it").doesNotContain("this channel")
        .contains("/claude500 start a triage here; answer with a choice's number or label, or in your own words")
        .contains("/claude500 <pasted error line>").contains("/claude500 playbook <id>");
    assertThat(said(answer("help", CHANNEL_WITH_BUTTONS)))
        .contains("start a triage in a thread; answer with the buttons, or in your own words by replying in the thread")
        .contains("open incidents (only you see it)").contains("in this channel, each with its updates in a thread");
    assertThat(said(answer("help", SLASH_OPTIONS_AND_FORMS)))
        .contains("/claude500 triage start a triage in a thread")
        .contains("Answer in words…").contains("Paste…")
        .contains("/claude500 triage error:<the exact error line>")
        .contains("/claude500 subscribe [components:<names>]")
        .contains("/claude500 playbook id:<id>")
        .doesNotContain("<pasted error line>");
  }

  @Test
  @DisplayName("Help lists the message menu's triage and the offer under pasted errors only where the surface has them")
  void helpListsEveryWayIn() {
    String slack = said(answer("help", Surface.of(Ability.THREADS, Ability.BUTTONS, Ability.PRIVATE_ANSWERS,
        Ability.MESSAGE_MENU, Ability.READS_MESSAGES)));
    String discord = said(answer("help", Surface.of(Ability.THREADS, Ability.BUTTONS, Ability.PRIVATE_ANSWERS,
        Ability.NAMED_OPTIONS, Ability.FORMS, Ability.MESSAGE_MENU)));
    String console = said(answer("help", PLAIN_TEXT));

    assertThat(slack).contains("Triage with claude500 in the menu of a message that shows the error")
        .contains("/claude500 autodetect on|off").contains("replying in the thread")
        .contains("/claude500 <pasted error line>").doesNotContain("\n\n");
    assertThat(discord).contains("Triage with claude500 in the menu")
        .contains("/claude500 autodetect on|off offers under pasted errors: Slack only");
    assertThat(console).doesNotContain("Triage with claude500")
        .contains("/claude500 autodetect on|off offers under pasted errors: Slack only").doesNotContain("\n\n");
  }

  @Test
  @DisplayName("A triage's opening in a channel: who started which playbook, the page's colour, where to answer")
  void theOpeningInAChannel() {
    Answer.StartTriage start = (Answer.StartTriage) answer("/claude500 " + SubcommandExamples.ERROR_500,
        CHANNEL_WITH_BUTTONS);
    assertThat(start.playbook().id()).isEqualTo("claude-code-500");
    assertThat(start.pasted()).isEqualTo(SubcommandExamples.ERROR_500);
    assertThat(start.opening().headline().spans().get(0)).isEqualTo(new Span.Mention(ann));
    assertThat(start.opening().headline().toPlainString())
        .isEqualTo("ann started a Claude Code 500 triage · status page 🟢 green");
    assertThat(start.opening().details().toPlainString()).isEqualTo("Answer in the thread: anyone here can help.\n"
        + "status.claude.com (https://status.claude.com): no open incidents, as of 2026-04-16 12:00 UTC, 30 s old.");
    assertThat(start.opening().indicator()).isEqualTo(StatusIndicator.NONE);

    status.set(StatusSnapshot.unknown("connection refused"));
    Answer.StartTriage unknown = (Answer.StartTriage) answer("/claude500 playbook vpn", CHANNEL_WITH_BUTTONS);
    assertThat(unknown.playbook()).isEqualTo(vpn);
    assertThat(unknown.opening().headline().toPlainString())
        .isEqualTo("ann started an Office VPN drops triage · status page ⚪ unknown");
    assertThat(unknown.opening().details().toPlainString())
        .endsWith("status.claude.com (https://status.claude.com): I have not read it yet; the triage checks it first.");
  }

  @Test
  @DisplayName("A posted message is triaged in its thread: its text is the paste, its author named in the opening")
  void aPostedMessageIsTriagedWithItsAuthorNamed() {
    Actor bob = new Actor("U0BOB", "bob");
    Invocation byAnn = new Invocation(CHANNEL_WITH_BUTTONS, new ChannelRef("slack", "C1"), ann);
    Answer.StartTriage start = (Answer.StartTriage) commands.triageMessage(byAnn,
        new PostedMessage("anyone else? " + SubcommandExamples.ERROR_500, bob, false));
    assertThat(start.playbook().id()).isEqualTo("claude-code-500");
    assertThat(start.pasted()).isEqualTo("anyone else? " + SubcommandExamples.ERROR_500);
    assertThat(start.opening().headline().spans()).contains(new Span.Mention(ann), new Span.Mention(bob));
    assertThat(start.opening().headline().toPlainString())
        .isEqualTo("ann started a Claude Code 500 triage of bob's message · status page 🟢 green");
    assertThat(start.opening().details().toPlainString()).startsWith("Answer in this thread: anyone here can help.");

    Answer.StartTriage own = (Answer.StartTriage) commands.triageMessage(byAnn,
        new PostedMessage(SubcommandExamples.ERROR_500, ann, false));
    assertThat(own.opening().headline().toPlainString()).startsWith("ann started a Claude Code 500 triage of their message");

    assertThat(said(commands.triageMessage(byAnn, new PostedMessage("Which error did Claude Code print?",
        new Actor("B0BOT", "claude500"), true)))).contains("one of my own messages");
    assertThat(said(commands.triageMessage(byAnn, new PostedMessage(" \n ", bob, false))))
        .contains("no text I can read").contains("/claude500");
  }

  @Test
  @DisplayName("An opening made before the page was read is made again once it has been read, and only then")
  void anOpeningThatSaidUnknownIsMadeAgainOnceThePageIsRead() {
    Invocation in = new Invocation(CHANNEL_WITH_BUTTONS, new ChannelRef("slack", "C1"), ann);
    status.set(StatusSnapshot.unknown("the status page has not answered yet"));
    Answer.StartTriage cold = (Answer.StartTriage) commands.answer(CommandParser.parse("/claude500"), in);
    assertThat(commands.openingOnceRead(cold, in)).as("still unknown: nothing to show").isEmpty();

    status.set(StatusFixtures.greenSnapshot());
    assertThat(commands.openingOnceRead(cold, in)).hasValueSatisfying(o -> {
      assertThat(o.headline().toPlainString()).isEqualTo("ann started a Claude Code 500 triage · status page 🟢 green");
      assertThat(o.indicator()).isEqualTo(StatusIndicator.NONE);
    });
    Answer.StartTriage warm = (Answer.StartTriage) commands.answer(CommandParser.parse("/claude500"), in);
    assertThat(commands.openingOnceRead(warm, in)).as("it showed the page already").isEmpty();
  }

  @Test
  @DisplayName("A triage is answered from the page as last read: it never waits for the page")
  void aTriageNeverWaitsForThePage() {
    StatusSource peekOnly = new StatusSource() {
      @Override
      public StatusSnapshot current() {
        throw new AssertionError("a triage waited for the page");
      }

      @Override
      public StatusSnapshot peek() {
        return status.peek();
      }
    };
    Commands handler = new Commands(engine, peekOnly, new SubscriptionService(store.subscriptions(), store.autodetect(), status, clock), clock, TeamStatsRigs.of(store, clock));
    assertThat(handler.answer(CommandParser.parse("/claude500"), new Invocation(CHANNEL_WITH_BUTTONS,
        new ChannelRef("slack", "C1"), ann))).isInstanceOf(Answer.StartTriage.class);
  }

  @Test
  @DisplayName("Where the triage goes on in the same place, the opening says only which playbook started")
  void theOpeningInAConsole() {
    assertThat(PlainTextRenderer.render(((Answer.StartTriage) answer("/claude500", PLAIN_TEXT)).opening()))
        .isEqualTo("Claude Code 500 triage started.");
    assertThat(PlainTextRenderer.render(((Answer.StartTriage) answer("/claude500 playbook vpn", PLAIN_TEXT)).opening()))
        .isEqualTo("Office VPN drops triage started.");
  }

  @Test
  void anUnknownPlaybookIsSaidWithTheList() {
    assertThat(said(answer("/claude500 playbook nope`x API Error: 500", PLAIN_TEXT)))
        .startsWith("There is no playbook nopex. Playbooks:")
        .contains("claude-code-500: Claude Code 500").contains("vpn: Office VPN drops");
  }

  @Test
  @DisplayName("stats takes a window and public in any order; 30 days and only the asker by default")
  void statsWords() {
    Answer.Stats plain = (Answer.Stats) answer("/claude500 stats", PLAIN_TEXT);
    assertThat(PlainTextRenderer.render(plain.table())).contains("Team stats, last 30 days",
        "No triages in the last 30 days");
    assertThat(plain.inPublic()).isFalse();
    assertThat(plain.chart()).get().extracting(Answer.Chart::fileName).isEqualTo("claude500-stats.png");

    Answer.Stats shown = (Answer.Stats) answer("/claude500 stats PUBLIC 90D", CHANNEL_WITH_BUTTONS);
    assertThat(shown.inPublic()).isTrue();
    assertThat(PlainTextRenderer.render(shown.table())).contains("last 90 days");
  }

  @Test
  @DisplayName("stats with a window word it does not know names the allowed ones, and counts nothing")
  void statsUnknownWindow() {
    assertThat(said(answer("/claude500 stats 14d", PLAIN_TEXT)))
        .isEqualTo("I do not know 14d. stats takes a window, 7d, 30d or 90d (30d when none is named), and public to"
            + " show the answer to the channel.");
    assertThat(said(answer("/claude500 stats `a`" + "x".repeat(300), PLAIN_TEXT)))
        .as("shown shortened, without backquotes").contains("I do not know a" + "x".repeat(99) + "…");
  }

  @Test
  @DisplayName("stats where the channel's workspace cannot be told now says so in one line, with no numbers")
  void statsWorkspaceUnknown() {
    TeamStats unknown = new TeamStats(store.triageRecords(), List::of, channel -> {
      throw new IllegalStateException("Discord is reconnecting");
    }, clock);
    Commands handler = new Commands(engine, status, new SubscriptionService(store.subscriptions(), store.autodetect(),
        status, clock), clock, unknown);
    Answer answer = handler.answer(CommandParser.parse("/claude500 stats"), new Invocation(PLAIN_TEXT,
        new ChannelRef("discord", "42"), ann));
    assertThat(said(answer)).isEqualTo("I cannot tell which workspace or server this channel is in just now."
        + " Try again in a moment.");
  }
}
