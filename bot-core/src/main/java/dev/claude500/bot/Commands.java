package dev.claude500.bot;

import dev.claude500.chat.Actor;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.Reply;
import dev.claude500.chat.Text;
import dev.claude500.status.StatusSource;
import dev.claude500.status.StatusView;
import dev.claude500.triage.TriageEngine;
import java.time.Clock;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Answers the commands that are not a triage, the same way on every platform. Adapters parse with
 * {@link CommandParser}, start triages themselves (they own the thread), and call these for the
 * rest. Thread-safe; {@link #status()} and the subscription commands may wait briefly for the
 * status page, so call them after acknowledging.
 */
public final class Commands {
  private final TriageEngine engine;
  private final StatusSource status;
  private final SubscriptionService subscriptions;
  private final Clock clock;

  /** Creates the handlers. */
  public Commands(TriageEngine engine, StatusSource status, SubscriptionService subscriptions, Clock clock) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.status = Objects.requireNonNull(status, "status");
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Returns the usage message. */
  public Reply help() {
    return new Reply.Message(HelpText.usage());
  }

  /** Returns the status page at a glance. */
  public Reply status() {
    return new Reply.Status(StatusView.of(status.current(), clock));
  }

  /** Subscribes a channel to incident posts. */
  public Reply subscribe(ChannelRef channel, Actor actor, Command.Subscribe command) {
    return new Reply.Message(subscriptions.subscribe(channel, actor, command.components()));
  }

  /** Removes a channel's subscription. */
  public Reply unsubscribe(ChannelRef channel) {
    return new Reply.Message(subscriptions.unsubscribe(channel));
  }

  /** Describes a channel's subscription. */
  public Reply subscriptions(ChannelRef channel) {
    return new Reply.Message(subscriptions.describe(channel));
  }

  /** Lists the playbooks. */
  public Reply playbooks() {
    String list = engine.playbookIds().stream()
        .map(id -> "`" + id + "`: " + engine.playbook(id).orElseThrow().title())
        .collect(Collectors.joining("\n"));
    return new Reply.Message(Text.parse("Playbooks:\n" + list));
  }

  /**
   * Checks that a triage command names a known playbook.
   *
   * @return a message to show instead of starting, when it does not
   */
  public java.util.Optional<Reply> refuse(Command.Triage triage) {
    return triage.playbook()
        .filter(id -> engine.playbook(id).isEmpty())
        .map(id -> new Reply.Message(Text.builder().plain("There is no playbook ").code(id.replace("`", ""))
            .plain(". ").text(((Reply.Message) playbooks()).text()).build()));
  }
}
