package dev.claude500.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.Text;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DiscordMarkdownTest {
  @Test
  @DisplayName("strong, code and links become Discord markdown")
  void spans() {
    Text t = Text.builder().plain("Run ").code("claude doctor").plain(", then ").strong("retry").plain(" (see ")
        .link("the page", "https://status.claude.com").plain(").").build();
    assertThat(DiscordMarkdown.render(t))
        .isEqualTo("Run `claude doctor`, then **retry** (see [the page](https://status.claude.com)).");
  }

  @Test
  @DisplayName("text people wrote cannot turn into markdown, mentions or headings")
  void userTextIsEscaped() {
    assertThat(DiscordMarkdown.escape("**bold** _it_ ~~s~~ ||spoiler|| `x` [a](http://e) <@123>"))
        .isEqualTo("\\*\\*bold\\*\\* \\_it\\_ \\~\\~s\\~\\~ \\|\\|spoiler\\|\\| \\`x\\` \\[a\\](http://e) \\<@123>");
    assertThat(DiscordMarkdown.escape("# title\n> quote\n- item\nnot-a-list"))
        .isEqualTo("\\# title\n\\> quote\n\\- item\nnot-a-list");
  }

  @Test
  @DisplayName("bare URLs stay intact, as Discord links them before reading markdown")
  void urlsKept() {
    assertThat(DiscordMarkdown.escape("see https://status.claude.com/incidents/a_b*c now_"))
        .isEqualTo("see https://status.claude.com/incidents/a_b*c now\\_");
  }

  @Test
  @DisplayName("code holding backticks, and code blocks holding fences, still show exactly")
  void codeWithBackticks() {
    assertThat(DiscordMarkdown.code("a`b")).isEqualTo("`` a`b ``");
    assertThat(DiscordMarkdown.code("x``y")).isEqualTo("`` x`\u200b`y ``");
    assertThat(DiscordMarkdown.block("before\n```\nafter")).isEqualTo("```\nbefore\n``\u200b`\nafter\n```");
  }

  @Test
  @DisplayName("links that are not http(s) become plain labels; parentheses in URLs are encoded")
  void links() {
    assertThat(DiscordMarkdown.link("x", "javascript:alert(1)")).isEqualTo("x");
    assertThat(DiscordMarkdown.link("w", "https://en.wikipedia.org/wiki/A_(b)")).isEqualTo("[w](https://en.wikipedia.org/wiki/A_(b%29)");
  }
}
