package dev.claude500.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.evidence.InputLimits;
import org.junit.jupiter.api.Test;

class SlackTextTest {
  @Test
  void slacksMarkupIsUndone() {
    assertThat(SlackText.plain("see <https://status.claude.com|status.claude.com> and <https://x.test/a?b=1&amp;c=2>"))
        .isEqualTo("see status.claude.com and https://x.test/a?b=1&c=2");
    assertThat(SlackText.plain("cc <@U0BOB> in <#C1|incidents> &lt;code&gt; a &amp;&amp; b &amp;lt;"))
        .isEqualTo("cc <@U0BOB> in <#C1|incidents> <code> a && b &lt;");
    assertThat(SlackText.plain("<mailto:a@b.test|a@b.test> <mailto:c@d.test>")).isEqualTo("a@b.test c@d.test");
    assertThat(SlackText.plain(null)).isEmpty();
  }

  @Test
  void hugeTextIsBoundedBeforeAnythingLooksAtIt() {
    assertThat(SlackText.plain("<".repeat(300_000))).hasSize(InputLimits.MAX_MESSAGE_CHARS);
  }
}
