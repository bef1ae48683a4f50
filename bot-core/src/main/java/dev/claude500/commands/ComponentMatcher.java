package dev.claude500.commands;

import dev.claude500.status.Component;
import dev.claude500.status.KnownComponents;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds status-page components by the loose names people type ({@code code}, {@code api},
 * {@code console}, {@code claude.ai}, {@code "Claude Code"}...). Stateless and thread-safe.
 */
public final class ComponentMatcher {
  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("code", KnownComponents.CLAUDE_CODE),
      Map.entry("claudecode", KnownComponents.CLAUDE_CODE),
      Map.entry("cli", KnownComponents.CLAUDE_CODE),
      Map.entry("api", KnownComponents.API),
      Map.entry("claudeapi", KnownComponents.API),
      Map.entry("console", KnownComponents.CONSOLE),
      Map.entry("platform", KnownComponents.CONSOLE),
      Map.entry("claudeai", KnownComponents.CLAUDE_AI),
      Map.entry("web", KnownComponents.CLAUDE_AI),
      Map.entry("app", KnownComponents.CLAUDE_AI),
      Map.entry("cowork", KnownComponents.COWORK),
      Map.entry("gov", KnownComponents.GOVERNMENT),
      Map.entry("government", KnownComponents.GOVERNMENT));

  private ComponentMatcher() {}

  /**
   * The result of matching names.
   *
   * @param matched the components found, in the order named, without repeats
   * @param unknown names that matched nothing
   * @param ambiguous names that matched several components, with what they matched
   */
  public record Match(List<Component> matched, List<String> unknown, Map<String, List<Component>> ambiguous) {
    /** Copies. */
    public Match {
      matched = List.copyOf(matched);
      unknown = List.copyOf(unknown);
      ambiguous = Map.copyOf(ambiguous);
    }

    /** Returns true when every name matched exactly one component. */
    public boolean isComplete() {
      return unknown.isEmpty() && ambiguous.isEmpty();
    }
  }

  /** Matches each name against the components. */
  public static Match match(List<String> names, List<Component> components) {
    Objects.requireNonNull(components, "components");
    Set<Component> matched = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    Map<String, List<Component>> ambiguous = new java.util.LinkedHashMap<>();
    for (String name : names) {
      List<Component> found = find(name, components);
      if (found.size() == 1) {
        matched.add(found.get(0));
      } else if (found.isEmpty()) {
        unknown.add(name);
      } else {
        ambiguous.put(name, found);
      }
    }
    return new Match(List.copyOf(matched), unknown, ambiguous);
  }

  private static List<Component> find(String name, List<Component> components) {
    String q = normal(name);
    if (q.isEmpty()) {
      return List.of();
    }
    List<Component> byId = components.stream().filter(c -> c.id().equalsIgnoreCase(name.strip())).toList();
    if (!byId.isEmpty()) {
      return byId;
    }
    List<Component> exact = components.stream()
        .filter(c -> normal(c.name()).equals(q) || normal(shortName(c.name())).equals(q)).toList();
    if (!exact.isEmpty()) {
      return exact;
    }
    String alias = ALIASES.get(q);
    if (alias != null) {
      List<Component> aliased = components.stream().filter(c -> c.id().equals(alias)).toList();
      if (!aliased.isEmpty()) {
        return aliased;
      }
    }
    return components.stream().filter(c -> normal(c.name()).contains(q)).toList();
  }

  /** Drops a trailing parenthesis: "Claude API (api.anthropic.com)" becomes "Claude API". */
  private static String shortName(String name) {
    int paren = name.indexOf('(');
    return paren > 0 ? name.substring(0, paren) : name;
  }

  private static String normal(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }
}
