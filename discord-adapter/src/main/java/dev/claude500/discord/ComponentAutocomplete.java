package dev.claude500.discord;

import dev.claude500.status.Component;
import dev.claude500.status.KnownComponents;
import dev.claude500.status.StatusSource;
import dev.claude500.status.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Suggests component names for {@code subscribe components:}, from what the bot knows of the page
 * right now (never waiting for it) or the known components. Several may be named: the last name
 * typed is completed and the earlier ones kept. Each suggestion is a component's name without
 * spaces ({@code ClaudeCode}), which the subscription matcher reads back exactly. Answers on JDA's
 * event thread: it only reads memory.
 */
final class ComponentAutocomplete {
  private static final Logger LOG = LoggerFactory.getLogger(ComponentAutocomplete.class);
  private static final int MAX_CHOICES = 25;

  private final StatusSource status;

  ComponentAutocomplete(StatusSource status) {
    this.status = Objects.requireNonNull(status, "status");
  }

  void handle(CommandAutoCompleteInteractionEvent event) {
    List<Command.Choice> choices = SlashCommand.COMPONENTS.equals(event.getFocusedOption().getName())
        ? suggest(event.getFocusedOption().getValue())
        : List.of();
    event.replyChoices(choices).queue(null, e -> LOG.debug("could not answer autocomplete: {}", e.toString()));
  }

  /**
   * Returns the suggestions for what was typed so far. The longest run of last words that some
   * component's name contains is what is being completed ("claude co" as well as "co"); the words
   * before it are kept as they are.
   */
  List<Command.Choice> suggest(String typed) {
    List<Component> components = components();
    boolean startingANewName = !typed.isEmpty() && isSeparator(typed.charAt(typed.length() - 1));
    int split = startingANewName ? typed.length() : -1;
    for (int i = 0; i <= typed.length() && split < 0; i++) {
      boolean wordStart = (i == 0 || isSeparator(typed.charAt(i - 1)))
          && (i == typed.length() || !isSeparator(typed.charAt(i)));
      String fragment = normal(typed.substring(i));
      if (wordStart && (fragment.isEmpty() || components.stream().anyMatch(c -> normal(c.name()).contains(fragment)))) {
        split = i;
        break;
      }
    }
    if (split < 0) {
      return List.of();
    }
    String prefix = typed.substring(0, split);
    String last = normal(typed.substring(split));
    String already = normal(prefix);
    List<Command.Choice> out = new ArrayList<>();
    for (Component c : components) {
      String token = token(c.name());
      if (!normal(c.name()).contains(last) || (!already.isEmpty() && already.contains(normal(token)))) {
        continue;
      }
      String value = prefix + token;
      if (value.length() <= Limits.CHOICE && out.size() < MAX_CHOICES) {
        out.add(new Command.Choice(value, value));
      }
    }
    return out;
  }

  private static boolean isSeparator(char c) {
    return Character.isWhitespace(c) || c == ',';
  }

  private List<Component> components() {
    List<Component> live = status.peek().summary().map(Summary::components).orElse(List.of())
        .stream().filter(c -> !c.group()).toList();
    return live.isEmpty() ? KnownComponents.all() : live;
  }

  /** Returns a component's name as one word: spaces and commas dropped, the host in parentheses too. */
  static String token(String name) {
    int paren = name.indexOf('(');
    String shortName = paren > 0 ? name.substring(0, paren) : name;
    return shortName.replaceAll("[\\s,]+", "");
  }

  private static String normal(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }
}
