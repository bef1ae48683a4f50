package dev.claude500.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.status.Component;
import dev.claude500.status.KnownComponents;
import dev.claude500.testing.StatusFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComponentMatcherTest {
  private final List<Component> live = StatusFixtures.redSummary().components();

  private List<String> ids(String... names) {
    ComponentMatcher.Match m = ComponentMatcher.match(List.of(names), live);
    assertThat(m.isComplete()).as(m.toString()).isTrue();
    return m.matched().stream().map(Component::id).toList();
  }

  @Test
  void shortNamesPeopleTypeFindTheRightComponent() {
    assertThat(ids("code")).containsExactly(KnownComponents.CLAUDE_CODE);
    assertThat(ids("api")).containsExactly(KnownComponents.API);
    assertThat(ids("console")).containsExactly(KnownComponents.CONSOLE);
    assertThat(ids("claude.ai")).containsExactly(KnownComponents.CLAUDE_AI);
    assertThat(ids("Claude Code", "CLAUDE API")).containsExactly(KnownComponents.CLAUDE_CODE, KnownComponents.API);
    assertThat(ids("api.anthropic.com")).containsExactly(KnownComponents.API);
    assertThat(ids(KnownComponents.CLAUDE_CODE)).containsExactly(KnownComponents.CLAUDE_CODE);
  }

  @Test
  void repeatsCollapse() {
    assertThat(ids("code", "claude-code", "Claude Code")).containsExactly(KnownComponents.CLAUDE_CODE);
  }

  @Test
  void unknownAndAmbiguousNamesAreReported() {
    ComponentMatcher.Match m = ComponentMatcher.match(List.of("toaster", "claude"), live);
    assertThat(m.unknown()).containsExactly("toaster");
    assertThat(m.ambiguous()).containsKey("claude");
    assertThat(m.isComplete()).isFalse();
  }
}
