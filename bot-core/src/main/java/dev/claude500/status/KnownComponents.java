package dev.claude500.status;

import java.util.List;
import java.util.Optional;

/**
 * The Anthropic page's components, for when the page cannot be read: ids are stable, names are
 * the latest known. Live names from the page take precedence wherever the page answers.
 */
public final class KnownComponents {
  /** {@code claude.ai}. */
  public static final String CLAUDE_AI = "rwppv331jlwc";
  /** The Console (platform.claude.com). */
  public static final String CONSOLE = "0qbwn08sd68x";
  /** The Claude API (api.anthropic.com). */
  public static final String API = "k8w3r06qmzrp";
  /** Claude Code. */
  public static final String CLAUDE_CODE = "yyzkbfz2thpt";
  /** Claude Cowork. */
  public static final String COWORK = "bpp5gb3hpjcl";
  /** Claude for Government. */
  public static final String GOVERNMENT = "0scnb50nvy53";

  private static final List<Component> ALL = List.of(
      new Component(CLAUDE_AI, "claude.ai", ComponentStatus.UNKNOWN, null, false, 1),
      new Component(CONSOLE, "Claude Console (platform.claude.com)", ComponentStatus.UNKNOWN, null, false, 2),
      new Component(API, "Claude API (api.anthropic.com)", ComponentStatus.UNKNOWN, null, false, 3),
      new Component(CLAUDE_CODE, "Claude Code", ComponentStatus.UNKNOWN, null, false, 4),
      new Component(COWORK, "Claude Cowork", ComponentStatus.UNKNOWN, null, false, 5),
      new Component(GOVERNMENT, "Claude for Government", ComponentStatus.UNKNOWN, null, false, 6));

  private KnownComponents() {}

  /** Returns the known components, state unknown. */
  public static List<Component> all() {
    return ALL;
  }

  /** Returns the latest known name of the component with this id, if it is one of the page's. */
  public static Optional<String> name(String id) {
    return ALL.stream().filter(c -> c.id().equals(id)).map(Component::name).findFirst();
  }
}
