package dev.claude500.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.handler.builtin.MessageShortcutHandler;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.model.event.Event;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Registers the adapter's listeners on a Bolt {@link App} and remembers what it registered, so that
 * what the app answers can be checked against the app's manifest ({@code deploy/slack/manifest.yml}):
 * slash commands, block actions, message shortcuts and event types. Every listener goes through here.
 * Not thread-safe: used while the app is built.
 */
final class Registrar {
  private final App app;
  private final List<Pattern> commands = new ArrayList<>();
  private final List<Pattern> blockActions = new ArrayList<>();
  private final List<String> messageShortcuts = new ArrayList<>();
  private final Set<String> eventTypes = new LinkedHashSet<>();

  Registrar(App app) {
    this.app = Objects.requireNonNull(app, "app");
  }

  /**
   * What an app answers.
   *
   * @param commands the slash commands, as patterns of the command's name
   * @param blockActions the block actions, as patterns of their action ids
   * @param messageShortcuts the message shortcuts' callback ids
   * @param eventTypes the Events API event types (e.g. {@code message}, {@code link_shared})
   */
  record Registered(List<Pattern> commands, List<Pattern> blockActions, List<String> messageShortcuts,
      Set<String> eventTypes) {
    Registered {
      commands = List.copyOf(commands);
      blockActions = List.copyOf(blockActions);
      messageShortcuts = List.copyOf(messageShortcuts);
      eventTypes = Set.copyOf(eventTypes);
    }
  }

  Registrar command(Pattern name, SlashCommandHandler handler) {
    app.command(name, handler);
    commands.add(name);
    return this;
  }

  Registrar blockAction(Pattern actionId, BlockActionHandler handler) {
    app.blockAction(actionId, handler);
    blockActions.add(actionId);
    return this;
  }

  Registrar messageShortcut(String callbackId, MessageShortcutHandler handler) {
    app.messageShortcut(callbackId, handler);
    messageShortcuts.add(callbackId);
    return this;
  }

  <E extends Event> Registrar event(Class<E> type, BoltEventHandler<E> handler) {
    app.event(type, handler);
    eventTypes.add(typeName(type));
    return this;
  }

  /** Returns what was registered so far. */
  Registered registered() {
    return new Registered(commands, blockActions, messageShortcuts, eventTypes);
  }

  /** The event type Bolt routes a class by: its public {@code TYPE_NAME}, as Bolt itself reads it. */
  private static String typeName(Class<? extends Event> type) {
    try {
      return (String) type.getField("TYPE_NAME").get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("type: " + type.getName() + " has no TYPE_NAME", e);
    }
  }
}
