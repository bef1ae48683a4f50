package dev.claude500.commands;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@code /claude500} line asks for. Closed: {@link Handler} has one method per kind, so
 * whatever answers commands answers every kind.
 */
public sealed interface Command {
  /** Returns what {@code handler} makes of this command. */
  <R> R accept(Handler<R> handler);

  /**
   * One method per kind of command.
   *
   * @param <R> what handling a command yields
   */
  interface Handler<R> {
    /** Handles {@code help}. */
    R help(Help command);

    /** Handles {@code status}. */
    R status(Status command);

    /** Handles {@code subscribe}. */
    R subscribe(Subscribe command);

    /** Handles {@code unsubscribe}. */
    R unsubscribe(Unsubscribe command);

    /** Handles {@code subscriptions}. */
    R subscriptions(Subscriptions command);

    /** Handles {@code autodetect}. */
    R autodetect(Autodetect command);

    /** Handles {@code playbooks}. */
    R playbooks(Playbooks command);

    /** Handles {@code stats}. */
    R stats(Stats command);

    /** Handles a triage, of the default playbook or a named one. */
    R triage(Triage command);
  }

  /** {@code /claude500 help}. */
  record Help() implements Command {
    @Override
    public <R> R accept(Handler<R> handler) {
      return handler.help(this);
    }
  }

  /** {@code /claude500 status}. */
  record Status() implements Command {
    @Override
    public <R> R accept(Handler<R> handler) {
      return handler.status(this);
    }
  }

  /**
   * {@code /claude500 subscribe [component ...] [key=value ...]}.
   *
   * @param components the names given; empty means every component
   * @param filters the {@code key=value} words given, as typed (read by {@link Filters#parse})
   */
  record Subscribe(List<String> components, List<String> filters) implements Command {
    /** Copies the words. */
    public Subscribe {
      components = List.copyOf(components);
      filters = List.copyOf(filters);
    }

    @Override
    public <R> R accept(Handler<R> handler) {
      return handler.subscribe(this);
    }
  }

  /** {@code /claude500 unsubscribe}. */
  record Unsubscribe() implements Command {
    @Override
    public <R> R accept(Handler<R> handler) {
      return handler.unsubscribe(this);
    }
  }

  /** {@code /claude500 subscriptions}. */
  record Subscriptions() implements Command {
    @Override
    public <R> R accept(Handler<R> handler) {
      return handler.subscriptions(this);
    }
  }

  /**
   * {@code /claude500 autodetect [on|off]}: whether the bot offers a triage under an error pasted
   * in the channel.
   *
   * @param setting what was typed after the word, stripped: {@code on}, {@code off}, empty (show
   *     the setting) or anything else (answered with the usage)
   */
  record Autodetect(String setting) implements Command {
    /** Rejects null; strips. */
    public Autodetect {
      setting = Objects.requireNonNull(setting, "setting").strip();
    }

    /** Returns true for {@code on}, false for {@code off} (any case), empty for anything else. */
    public Optional<Boolean> on() {
      return switch (setting.toLowerCase(Locale.ROOT)) {
        case "on" -> Optional.of(true);
        case "off" -> Optional.of(false);
        default -> Optional.empty();
      };
    }

    @Override
    public <R> R accept(Handler<R> handler) {
      return handler.autodetect(this);
    }
  }

  /** {@code /claude500 playbooks}: the playbooks a triage can walk. */
  record Playbooks() implements Command {
    @Override
    public <R> R accept(Handler<R> handler) {
      return handler.playbooks(this);
    }
  }

  /**
   * {@code /claude500 stats [7d|30d|90d] [public]}: the team's triages and the page's incidents
   * over a window.
   *
   * @param words the words typed after {@code stats}, in order (a window, {@code public}, or
   *     anything else, which is answered with the allowed words)
   */
  record Stats(List<String> words) implements Command {
    /** Copies the words. */
    public Stats {
      words = List.copyOf(words);
    }

    /** Returns true when {@code public} is among the words: the answer is for the channel. */
    public boolean inPublic() {
      return words.stream().anyMatch(w -> w.equalsIgnoreCase(Commands.PUBLIC));
    }

    @Override
    public <R> R accept(Handler<R> handler) {
      return handler.stats(this);
    }
  }

  /**
   * {@code /claude500 [triage] [pasted text]} or {@code /claude500 playbook <id> [pasted text]}.
   *
   * @param pasted the text pasted with the command, possibly empty
   * @param playbook the playbook named, when one was
   */
  record Triage(String pasted, Optional<String> playbook) implements Command {
    /** Validates. */
    public Triage {
      Objects.requireNonNull(pasted, "pasted");
      Objects.requireNonNull(playbook, "playbook");
    }

    @Override
    public <R> R accept(Handler<R> handler) {
      return handler.triage(this);
    }
  }
}
