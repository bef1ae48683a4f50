package dev.claude500.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PostTagTest {
  @Test
  @DisplayName("the reference is short and stable; nonces fit Discord's 25 characters and differ by channel and part")
  void refsAndNonces() {
    assertThat(PostTag.ref("update/abc")).matches("ref:[a-z2-7]{10}").isEqualTo(PostTag.ref("update/abc"))
        .isNotEqualTo(PostTag.ref("update/abd"));
    String nonce = PostTag.nonce("920000000000000001", "update/abc", 0);
    assertThat(nonce).hasSize(PostTag.MAX_NONCE).isEqualTo(PostTag.nonce("920000000000000001", "update/abc", 0))
        .isNotEqualTo(PostTag.nonce("920000000000000002", "update/abc", 0))
        .isNotEqualTo(PostTag.nonce("920000000000000001", "update/abc", 1));
  }

  @Test
  @DisplayName("a text post gets a line of small print on its last message, and still fits 2,000 characters")
  void textPosts() {
    List<MessageCreateData> parts = List.of(DiscordMessages.single("first"), DiscordMessages.single("x".repeat(2000)));

    List<MessageCreateData> marked = PostTag.marked(parts, "update/abc");

    assertThat(marked.get(0).getContent()).isEqualTo("first");
    assertThat(marked.get(1).getContent()).hasSizeLessThanOrEqualTo(Limits.CONTENT)
        .endsWith("…\n-# " + PostTag.ref("update/abc"));
    assertThat(PostTag.unmarked(PostTag.marked(List.of(DiscordMessages.single("Does it work now?")), "followup/x#1")
        .get(0).getContent())).as("a question losing its buttons sheds its reference").isEqualTo("Does it work now?");
  }

  @Test
  @DisplayName("an embed gets the reference after its footer, and an embed at Discord's limit makes room for it")
  void embeds() {
    MessageEmbed full = new EmbedBudget().title("Incident", "https://status.claude.com/incidents/x")
        .description("d".repeat(4096)).footer("Started 2026-07-21 09:12 UTC").build();
    EmbedBuilder filling = new EmbedBuilder(full).addField("f", "v".repeat(1024), false);
    MessageEmbed big = filling.addField("g", "w".repeat(Limits.EMBED_TOTAL - filling.length() - 1), false).build();
    assertThat(big.getLength()).isEqualTo(Limits.EMBED_TOTAL);

    for (MessageEmbed e : List.of(full, big)) {
      MessageCreateData marked = PostTag.marked(List.of(DiscordMessages.base().setEmbeds(e).build()), "incident/x")
          .get(0);
      MessageEmbed out = marked.getEmbeds().get(0);
      assertThat(out.getFooter().getText()).isEqualTo("Started 2026-07-21 09:12 UTC · " + PostTag.ref("incident/x"));
      assertThat(out.getLength()).isLessThanOrEqualTo(Limits.EMBED_TOTAL);
      assertThat(out.getUrl()).isEqualTo("https://status.claude.com/incidents/x");
    }
  }
}
