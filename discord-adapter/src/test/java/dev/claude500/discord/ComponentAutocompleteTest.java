package dev.claude500.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.commands.ComponentMatcher;
import dev.claude500.status.KnownComponents;
import dev.claude500.status.StatusSnapshot;
import dev.claude500.testing.FixedStatusSource;
import java.util.List;
import net.dv8tion.jda.api.interactions.commands.Command;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ComponentAutocompleteTest {
  private final ComponentAutocomplete autocomplete =
      new ComponentAutocomplete(new FixedStatusSource(StatusSnapshot.unknown("not read yet")));

  private List<String> suggest(String typed) {
    return autocomplete.suggest(typed).stream().map(Command.Choice::getAsString).toList();
  }

  @Test
  @DisplayName("with the page unknown, the known components are offered, each as one word")
  void knownComponents() {
    assertThat(suggest("")).containsExactly("claude.ai", "ClaudeConsole", "ClaudeAPI", "ClaudeCode", "ClaudeCowork",
        "ClaudeforGovernment");
  }

  @Test
  @DisplayName("every suggestion is read back by the subscription matcher as exactly its component")
  void suggestionsMatchExactly() {
    for (String s : suggest("")) {
      ComponentMatcher.Match m = ComponentMatcher.match(List.of(s), KnownComponents.all());
      assertThat(m.isComplete()).as(s).isTrue();
      assertThat(m.matched()).as(s).hasSize(1);
    }
  }

  @Test
  @DisplayName("the words being typed are completed; earlier names are kept and not offered again")
  void completesTheLastName() {
    assertThat(suggest("claude co")).containsExactly("ClaudeConsole", "ClaudeCode", "ClaudeCowork");
    assertThat(suggest("ClaudeCode, ap")).containsExactly("ClaudeCode, ClaudeAPI");
    assertThat(suggest("ClaudeCode ")).doesNotContain("ClaudeCode ClaudeCode").contains("ClaudeCode ClaudeAPI");
    assertThat(suggest("nothing-like-it")).isEmpty();
  }
}
