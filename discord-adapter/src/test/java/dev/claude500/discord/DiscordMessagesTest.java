package dev.claude500.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.ChannelMention;
import dev.claude500.chat.Choice;
import dev.claude500.chat.Reply;
import dev.claude500.chat.Text;
import dev.claude500.status.IncidentStatus;
import dev.claude500.status.IncidentView;
import dev.claude500.status.StatusSnapshot;
import dev.claude500.status.StatusView;
import dev.claude500.testing.StatusFixtures;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DiscordMessagesTest {
  private final CustomIds ids = new CustomIds(CustomIds.MAX);
  private final DiscordMessages messages = new DiscordMessages(ids);

  private static List<Button> buttons(MessageCreateData data) {
    return data.getComponentTree().findAll(Button.class);
  }

  @Test
  @DisplayName("a question is one message with a button per choice and one to answer in words, five to a row, labels cut to 80")
  void question() {
    List<Choice> choices = new ArrayList<>();
    IntStream.rangeClosed(1, 7).forEach(i -> choices.add(new Choice("v" + i, "Choice " + i)));
    choices.add(new Choice("long", "x".repeat(120)));
    List<MessageCreateData> out = messages.render(new Reply.Question("q@1", Text.parse("Which **one**?"), choices));
    assertThat(out).hasSize(1);
    assertThat(out.get(0).getContent()).isEqualTo("Which **one**?");
    assertThat(out.get(0).getComponents()).hasSize(2);
    assertThat(buttons(out.get(0))).hasSize(9).allSatisfy(b -> assertThat(b.getLabel().length()).isLessThanOrEqualTo(80));
    assertThat(buttons(out.get(0)).get(0).getCustomId()).isEqualTo("c5:a:q@1:v1");
    Button words = buttons(out.get(0)).get(8);
    assertThat(words.getLabel()).isEqualTo(DiscordMessages.WORDS_LABEL);
    assertThat(ids.parse(words.getCustomId())).hasValueSatisfying(id -> {
      assertThat(id.kind()).isEqualTo(CustomIds.Kind.PASTE);
      assertThat(id.token()).isEqualTo("q@1");
    });
    assertThat(out.get(0).getAllowedMentions()).isEmpty();
  }

  @Test
  @DisplayName("a text request offers Paste… first, then its alternatives")
  void textRequest() {
    MessageCreateData out = messages.render(new Reply.TextRequest("c@2", Text.parse("Paste `/status`"),
        List.of(new Choice("skip", "Skip")))).get(0);
    assertThat(buttons(out)).extracting(Button::getLabel).containsExactly(DiscordMessages.PASTE_LABEL, "Skip");
    assertThat(ids.parse(buttons(out).get(0).getCustomId())).hasValueSatisfying(
        id -> assertThat(id.kind()).isEqualTo(CustomIds.Kind.PASTE));
  }

  @Test
  @DisplayName("a long message is split into messages of at most 2,000 characters, at line breaks")
  void longMessage() {
    String line = "A line of advice that goes on for a while. ".repeat(3) + "\n";
    List<MessageCreateData> out = messages.render(new Reply.Message(Text.plain(line.repeat(60))));
    assertThat(out.size()).isGreaterThan(1);
    assertThat(out).allSatisfy(m -> assertThat(m.getContent().length()).isLessThanOrEqualTo(2000));
  }

  @Test
  @DisplayName("the report: an embed of its fields within Discord's limits, then its body in code blocks")
  void report() {
    List<Reply.Field> fields = new ArrayList<>();
    IntStream.range(0, 30).forEach(i -> fields.add(new Reply.Field("Fact " + i, "v".repeat(i == 0 ? 3000 : 300))));
    String body = ("line with `ticks` and ``` fences\n").repeat(600);
    List<MessageCreateData> out = messages.render(new Reply.Report(Text.parse("**Escalation report**: ready"), fields, body));
    MessageEmbed embed = out.get(0).getEmbeds().get(0);
    assertThat(embed.getTitle()).isEqualTo("Escalation report");
    assertThat(embed.getFields().size()).isLessThanOrEqualTo(25);
    assertThat(embed.getFields().get(0).getValue()).hasSizeLessThanOrEqualTo(1024);
    assertThat(embed.getLength()).isLessThanOrEqualTo(6000);
    assertThat(embed.getFields().get(embed.getFields().size() - 1).getValue()).contains("left off");
    assertThat(out.subList(1, out.size())).isNotEmpty().hasSizeLessThanOrEqualTo(8).allSatisfy(m -> {
      assertThat(m.getContent()).startsWith("```\n").endsWith("\n```").hasSizeLessThanOrEqualTo(2000);
      assertThat(m.getContent().substring(3, m.getContent().length() - 3)).doesNotContain("```");
    });
    assertThat(out.get(out.size() - 1).getContent()).contains("cut");
  }

  @Test
  @DisplayName("an incident embed: linked title, colour by impact, green once resolved, components and latest update")
  void incident() {
    IncidentView open = IncidentView.of(StatusFixtures.redSummary().incidents().stream()
        .filter(i -> i.id().equals(StatusFixtures.RED_INCIDENT_ID)).findFirst().orElseThrow());
    MessageEmbed embed = messages.render(new Reply.Incident(open, ChannelMention.NONE, Optional.empty())).get(0).getEmbeds().get(0);
    assertThat(embed.getTitle()).contains(open.name());
    assertThat(embed.getUrl()).isEqualTo(open.link());
    assertThat(embed.getColorRaw()).isEqualTo(Colours.RED);
    assertThat(embed.getFields()).extracting(MessageEmbed.Field::getName).contains("Components")
        .anySatisfy(n -> assertThat(n).startsWith("Latest update"));
    IncidentView resolved = new IncidentView(open.id(), open.name(), IncidentStatus.RESOLVED, open.impact(),
        open.components(), open.latest(), open.link(), open.startedAt(), Optional.of(Instant.now()), false);
    MessageEmbed done = messages.render(new Reply.Incident(resolved, ChannelMention.NONE, Optional.empty())).get(0).getEmbeds().get(0);
    assertThat(done.getColorRaw()).isEqualTo(Colours.GREEN);
    assertThat(done.getDescription()).contains("✅").contains("resolved");
    assertThat(DiscordMessages.headline(new Reply.Incident(resolved, ChannelMention.NONE, Optional.empty()))).contains(open.name()).contains("resolved");
  }

  @Test
  @DisplayName("a page never read shows grey, says so, and points at the page")
  void unknownStatus() {
    StatusView unknown = StatusView.of(StatusSnapshot.unknown("connection refused"),
        Clock.fixed(StatusFixtures.GREEN_AT, ZoneOffset.UTC));
    MessageEmbed embed = messages.render(new Reply.Status(unknown)).get(0).getEmbeds().get(0);
    assertThat(embed.getColorRaw()).isEqualTo(Colours.GREY);
    assertThat(embed.getTitle()).contains("unknown");
    assertThat(embed.getDescription()).contains("https://status.claude.com");
    assertThat(embed.getFooter().getText()).contains("connection refused");
  }

  @Test
  @DisplayName("the red page: red, every component with its emoji, the open incident linked")
  void redStatus() {
    StatusView red = StatusView.of(StatusFixtures.redSnapshot(), Clock.fixed(StatusFixtures.RED_AT.plusSeconds(90), ZoneOffset.UTC));
    MessageEmbed embed = messages.render(new Reply.Status(red)).get(0).getEmbeds().get(0);
    assertThat(embed.getColorRaw()).isEqualTo(Colours.RED);
    assertThat(embed.getFields()).extracting(MessageEmbed.Field::getName).contains("🔴 Claude Code");
    assertThat(embed.getFields()).anySatisfy(f -> assertThat(f.getValue()).contains("](https://status.claude.com/incidents/"));
    assertThat(embed.getFooter().getText()).contains("90 s old");
  }
}
