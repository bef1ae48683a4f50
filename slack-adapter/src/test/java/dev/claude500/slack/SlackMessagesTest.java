package dev.claude500.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.claude500.chat.ChannelMention;
import dev.claude500.chat.Actor;
import dev.claude500.chat.Choice;
import dev.claude500.chat.Reply;
import dev.claude500.chat.Text;
import dev.claude500.status.ComponentState;
import dev.claude500.status.ComponentStatus;
import dev.claude500.status.StatusIndicator;
import dev.claude500.status.StatusView;
import dev.claude500.testing.StatusFixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Block Kit rendering stays inside Slack's limits and escapes what people wrote")
class SlackMessagesTest {

  /** Checks every limit Slack enforces on a message. */
  static void withinLimits(SlackMessage m) {
    assertThat(m.blocks()).hasSizeLessThanOrEqualTo(SlackMessages.MAX_BLOCKS);
    assertThat(m.text().length()).isLessThanOrEqualTo(SlackMessages.MAX_TEXT);
    for (LayoutBlock b : m.blocks()) {
      if (b instanceof SectionBlock s) {
        if (s.getText() != null) {
          assertThat(text(s.getText()).length()).isLessThanOrEqualTo(SlackMessages.MAX_SECTION);
        }
        if (s.getFields() != null) {
          assertThat(s.getFields()).hasSizeLessThanOrEqualTo(SlackMessages.MAX_FIELDS);
          s.getFields().forEach(f -> assertThat(text(f).length()).isLessThanOrEqualTo(SlackMessages.MAX_FIELD));
        }
      } else if (b instanceof ActionsBlock a) {
        assertThat(a.getElements()).hasSizeLessThanOrEqualTo(SlackMessages.MAX_BUTTONS_PER_BLOCK);
        for (BlockElement e : a.getElements()) {
          ButtonElement button = (ButtonElement) e;
          assertThat(button.getText().getText().length()).isLessThanOrEqualTo(SlackMessages.MAX_BUTTON_TEXT);
          assertThat(button.getValue().length()).isLessThanOrEqualTo(SlackMessages.MAX_BUTTON_VALUE);
        }
      } else if (b instanceof ContextBlock c) {
        assertThat(c.getElements()).hasSizeLessThanOrEqualTo(10);
      }
    }
    assertThat(all(m).length() - m.blocks().size()).as("characters in all the blocks")
        .isLessThanOrEqualTo(SlackMessages.MAX_TEXT);
  }

  private static String text(TextObject t) {
    return t instanceof MarkdownTextObject m ? m.getText() : ((com.slack.api.model.block.composition.PlainTextObject) t).getText();
  }

  private static String all(SlackMessage m) {
    StringBuilder sb = new StringBuilder();
    for (LayoutBlock b : m.blocks()) {
      if (b instanceof SectionBlock s) {
        if (s.getText() != null) {
          sb.append(text(s.getText())).append('\n');
        }
        if (s.getFields() != null) {
          s.getFields().forEach(f -> sb.append(text(f)).append('\n'));
        }
      } else if (b instanceof ContextBlock c) {
        c.getElements().forEach(e -> sb.append(((MarkdownTextObject) e).getText()).append('\n'));
      } else if (b instanceof ActionsBlock a) {
        a.getElements().forEach(e -> sb.append(((ButtonElement) e).getText().getText()).append('\n'));
      }
    }
    return sb.toString();
  }

  private static List<ButtonElement> buttons(SlackMessage m) {
    List<ButtonElement> out = new ArrayList<>();
    m.blocks().stream().filter(b -> b instanceof ActionsBlock)
        .forEach(b -> ((ActionsBlock) b).getElements().forEach(e -> out.add((ButtonElement) e)));
    return out;
  }

  @Test
  void aHugeReportIsCutWithANoteAndStaysInsideEveryLimit() {
    List<Reply.Field> fields = IntStream.range(0, 14)
        .mapToObj(i -> new Reply.Field("Field " + i, "v<&>".repeat(1_000))).toList();
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 3_000; i++) {
      body.append("line ").append(i).append(": <tag> & ``` fence ").append("x".repeat(i % 50)).append('\n');
    }
    body.append("y".repeat(10_000));
    Reply.Report report = new Reply.Report(Text.parse("**Escalation report**: too much"), fields, body.toString());

    SlackMessage m = SlackMessages.render(report);
    withinLimits(m);
    String all = all(m);
    assertThat(all).contains("report cut to fit Slack").contains("&lt;tag&gt; &amp;").doesNotContain("<tag>")
        .contains("line 0:");
    assertThat(all.indexOf("```") >= 0).isTrue();
    assertThat(all).doesNotContain("``` fence");
  }

  @Test
  void aReportBodyIsShownWholeInCodeBlocksWhenItFits() {
    String body = "Claude Code API Error 500: escalation report\n" + "evidence line\n".repeat(600);
    SlackMessage m = SlackMessages.render(new Reply.Report(Text.plain("Escalation report"), List.of(), body));
    withinLimits(m);
    long blocks = m.blocks().stream().filter(b -> b instanceof SectionBlock s && s.getText() != null
        && text(s.getText()).startsWith("```")).count();
    assertThat(blocks).isGreaterThan(1);
    assertThat(all(m).replace("```", "").replace("\n", "")).contains(body.replace("\n", ""));
    assertThat(all(m)).doesNotContain("cut to fit");
  }

  @Test
  void aTwoHundredKilobyteMessageIsCutToFiftyBlocksWithANote() {
    String huge = ("word ".repeat(100) + "\n").repeat(400);
    SlackMessage m = SlackMessages.render(new Reply.Message(Text.plain(huge)));
    withinLimits(m);
    assertThat(all(m)).contains("cut to fit Slack");
    assertThat(m.text()).endsWith("(cut to fit Slack)");
  }

  @Test
  void aQuestionGetsOneButtonPerChoiceWithUniqueActionIdsAndTheTokenInEachValue() {
    List<Choice> choices = IntStream.range(0, 30)
        .mapToObj(i -> new Choice("value-" + i, "A label much longer than Slack allows on a button, far too long to show whole, number " + i)).toList();
    SlackMessage m = SlackMessages.render(new Reply.Question("step@3", Text.parse("Pick **one**"), choices));
    withinLimits(m);
    List<ButtonElement> buttons = buttons(m);
    assertThat(buttons).hasSize(30);
    assertThat(buttons.stream().map(ButtonElement::getActionId)).doesNotHaveDuplicates()
        .allMatch(id -> SlackMessages.ANSWER_ACTIONS.matcher(id).matches());
    assertThat(buttons.get(7).getText().getText()).endsWith("…");
    assertThat(ButtonValue.decode(buttons.get(7).getValue())).contains(new ButtonValue("step@3", "value-7"));
    assertThat(m.blocks().stream().filter(b -> b instanceof ActionsBlock)).hasSize(2);
    assertThat(m.text()).contains("1) A label");
  }

  @Test
  void aChoiceWhoseValueCannotFitIsLeftForTypingItsNumber() {
    SlackMessage m = SlackMessages.render(new Reply.Question("t@1", Text.plain("Q"),
        List.of(new Choice("v".repeat(3_000), "Long"), new Choice("ok", "Fine"))));
    withinLimits(m);
    assertThat(buttons(m)).extracting(b -> b.getText().getText()).containsExactly("Fine");
  }

  @Test
  void aLongQuestionKeepsItsButtons() {
    String text = "Background. ".repeat(20_000);
    SlackMessage m = SlackMessages.render(new Reply.Question("t@1", Text.plain(text), List.of(new Choice("a", "A"))));
    withinLimits(m);
    assertThat(buttons(m)).hasSize(1);
  }

  @Test
  void spansBecomeSlackMarkupAndPeoplesTextIsEscaped() {
    Text t = Text.builder().plain("a <b> & c ").strong("bold").plain(" ").code("x`y").plain(" ")
        .link("the page", "https://status.claude.com").plain(" ").link("bad", "javascript:alert(1)").build();
    assertThat(SlackMarkdown.of(t)).isEqualTo("a &lt;b&gt; &amp; c *bold* `xˋy` <https://status.claude.com|the page> bad (javascript:alert(1))");
    assertThat(SlackMarkdown.of(Text.plain("<!channel> <@U1>"))).isEqualTo("&lt;!channel&gt; &lt;@U1&gt;");
    assertThat(SlackMarkdown.strong(" two\nlines ")).isEqualTo(" *two*\n*lines* ");
  }

  @Test
  void theStatusAnswerListsEveryComponentWithAnEmojiAndTheOpenIncidents() {
    Clock clock = Clock.fixed(StatusFixtures.RED_AT.plusSeconds(42), ZoneOffset.UTC);
    StatusView red = StatusView.of(StatusFixtures.redSnapshot(), clock);
    SlackMessage m = SlackMessages.render(new Reply.Status(red));
    withinLimits(m);
    String all = all(m);
    assertThat(all).contains("*Status page:* 🔴 *red*").contains("42 s old");
    red.components().forEach(c -> assertThat(all).contains(c.name()));
    assertThat(all).contains("🔴 Claude Code: major outage").contains("Elevated errors");

    List<ComponentState> many = IntStream.range(0, 400)
        .mapToObj(i -> new ComponentState("c" + i, "Component number " + i, ComponentStatus.OPERATIONAL)).toList();
    StatusView big = new StatusView(StatusIndicator.NONE, "All Systems Operational", many, List.of(), List.of(),
        Optional.of(Instant.EPOCH), Optional.of(Duration.ofSeconds(5)), true, Optional.empty());
    withinLimits(SlackMessages.render(new Reply.Status(big)));
  }

  @Test
  void anIncidentWithMissingFieldsStillRenders() {
    dev.claude500.status.IncidentView bare = new dev.claude500.status.IncidentView("x1", null,
        dev.claude500.status.IncidentStatus.UNKNOWN, dev.claude500.status.Impact.NONE,
        List.of(new ComponentState("c", null, ComponentStatus.OPERATIONAL)), Optional.empty(), null, null,
        Optional.empty(), false);
    SlackMessage m = SlackMessages.render(new Reply.Incident(bare, ChannelMention.NONE, Optional.empty()));
    withinLimits(m);
  }

  @Test
  void anUnknownPageSaysSo() {
    StatusView unknown = new StatusView(StatusIndicator.UNKNOWN, "", List.of(), List.of(), List.of(),
        Optional.empty(), Optional.empty(), false, Optional.of("connection refused"));
    assertThat(all(SlackMessages.render(new Reply.Status(unknown)))).contains("Status unknown").contains("connection refused");
  }

  @Test
  @DisplayName("A triage's opening: its headline with the person mentioned, the details as small print below")
  void anOpeningMentionsWhoStartedIt() {
    Reply.Opening opening = new Reply.Opening(
        Text.builder().mention(new Actor("U1", "ann")).plain(" started a <x> triage").build(),
        Text.parse("Answer in the thread. [status.claude.com](https://status.claude.com)"), StatusIndicator.NONE);
    SlackMessage m = SlackMessages.render(opening);
    assertThat(m.blocks().get(0)).isInstanceOf(SectionBlock.class);
    assertThat(m.blocks().get(1)).isInstanceOf(ContextBlock.class);
    assertThat(all(m)).contains("<@U1> started a &lt;x&gt; triage")
        .contains("Answer in the thread. <https://status.claude.com|status.claude.com>");
    assertThat(m.text()).as("notifications show the mention as the person's name")
        .startsWith("<@U1> started a &lt;x&gt; triage\nAnswer in the thread. status.claude.com (https://status.claude.com)");
    Reply.Opening odd = new Reply.Opening(Text.builder().mention(new Actor("<!channel>", "<!channel>")).build(),
        Text.plain(""), StatusIndicator.NONE);
    SlackMessage oddMessage = SlackMessages.render(odd);
    assertThat(all(oddMessage)).contains("&lt;!channel&gt;").doesNotContain("<!channel>");
    assertThat(oddMessage.text()).isEqualTo("&lt;!channel&gt;");
  }

  @Test
  void anAnsweredQuestionLosesItsButtonsAndSaysWhoAnswered() {
    SlackMessage q = SlackMessages.render(new Reply.Question("t@1", Text.plain("Which?"),
        List.of(new Choice("a", "Alpha *star*"), new Choice("b", "Beta"))));
    SlackMessage done = SlackMessages.answered(q.blocks(), "Alpha *star*", "U0BOB");
    assertThat(done.blocks()).noneMatch(b -> b instanceof ActionsBlock);
    assertThat(all(done)).contains("Which?").contains("✅ *Alpha ∗star∗* · answered by <@U0BOB>")
        .doesNotContain("Click an answer");
    assertThat(all(SlackMessages.answered(q.blocks(), null, "U0BOB"))).contains("Answered in the thread by <@U0BOB>");
    assertThat(all(SlackMessages.answered(q.blocks(), "x", "<!channel>"))).contains("answered by someone");
  }
}
