package dev.claude500.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claude500.chat.Actor;
import dev.claude500.chat.ChannelMention;
import dev.claude500.chat.Choice;
import dev.claude500.chat.HitCount;
import dev.claude500.chat.Reply;
import dev.claude500.chat.Span;
import dev.claude500.chat.Text;
import dev.claude500.status.Incident;
import dev.claude500.status.IncidentView;
import dev.claude500.status.StatusIndicator;
import dev.claude500.testing.StatusFixtures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ReplyJsonTest {
  static List<Reply> triageReplies() {
    Text text = new Text(List.of(new Span.Plain("Hi "), new Span.Mention(new Actor("U1", "Alice")),
        new Span.Strong(" now"), new Span.Code("claude /status"), new Span.Link("page", "https://status.claude.com")));
    return List.of(
        new Reply.Message(text),
        new Reply.Question("q-1", Text.parse("Which **error**?"), List.of(new Choice("500", "API Error: 500"))),
        new Reply.TextRequest("t-1", Text.plain("paste /debug"), List.of(new Choice("skip", "Skip"))),
        new Reply.Report(Text.plain("Escalation report"), List.of(new Reply.Field("request_id", "req_1")), "body\nlines"),
        new Reply.Opening(Text.plain("Alice started"), Text.plain(""), StatusIndicator.values()[0]));
  }

  @ParameterizedTest
  @MethodSource("triageReplies")
  void aReplyReadsBackEqual(Reply reply) {
    assertThat(ReplyJson.read(ReplyJson.write(reply))).isEqualTo(reply);
  }

  @Test
  void anIncidentPostKeepsItsMention() {
    dev.claude500.status.IncidentView view = dev.claude500.status.IncidentView.of(
        dev.claude500.testing.StatusFixtures.redSummary().incidents().get(0));
    for (ChannelMention mention : List.of(ChannelMention.NONE, ChannelMention.of(ChannelMention.Kind.HERE),
        ChannelMention.role("123456789012345678"))) {
      Reply.Incident post = new Reply.Incident(view, mention, Optional.empty());
      assertThat(ReplyJson.read(ReplyJson.write(post))).isEqualTo(post);
    }
  }

  @Test
  void anIncidentPostReadsBackWithItsCountOfPeopleHit() {
    for (Incident i : StatusFixtures.twoOpenSummary().incidents()) {
      Reply counted = new Reply.Incident(IncidentView.of(i), ChannelMention.NONE, Optional.of(new HitCount(7)));
      Reply bare = new Reply.Incident(IncidentView.of(i), ChannelMention.NONE, Optional.empty());
      assertThat(ReplyJson.read(ReplyJson.write(counted))).isEqualTo(counted);
      assertThat(ReplyJson.read(ReplyJson.write(bare))).isEqualTo(bare);
    }
  }

  @Test
  void somethingElseIsRefusedWithAClearException() {
    assertThatThrownBy(() -> ReplyJson.read("{\"type\":\"nope\"}")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a stored reply");
  }
}
