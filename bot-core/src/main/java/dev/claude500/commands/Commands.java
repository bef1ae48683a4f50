package dev.claude500.commands;

import dev.claude500.chat.Reply;
import dev.claude500.commands.Surface.Ability;
import dev.claude500.chat.Text;
import dev.claude500.playbook.Playbook;
import dev.claude500.status.StatusIndicator;
import dev.claude500.status.StatusSource;
import dev.claude500.stats.StatsChart;
import dev.claude500.stats.StatsReport;
import dev.claude500.stats.StatsText;
import dev.claude500.stats.StatsWindow;
import dev.claude500.stats.TeamStats;
import dev.claude500.status.StatusView;
import dev.claude500.triage.TriageEngine;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every {@code /claude500} command, the same way on every surface. Adapters turn what
 * people typed into a {@link Command}, ask {@link #answer}, and show the {@link Answer}: they say
 * its reply, or open the triage's thread under its opening message and start the engine there.
 * Thread-safe. A triage command is answered at once (the page as last read, no store call); the
 * others may wait briefly for the status page or the store, so answer them after acknowledging.
 */
public final class Commands {
  /** The word after {@code stats} that shows the answer to the channel. */
  public static final String PUBLIC = "public";
  /** The answer to {@code stats} when the channel's workspace or server cannot be told now. */
  static final String WORKSPACE_UNKNOWN =
      "I cannot tell which workspace or server this channel is in just now. Try again in a moment.";
  private static final Logger LOG = LoggerFactory.getLogger(Commands.class);

  private final TriageEngine engine;
  private final StatusSource status;
  private final SubscriptionService subscriptions;
  private final Clock clock;
  private final TeamStats stats;

  /** Creates the handler; {@code stats} answers {@code stats}. */
  public Commands(TriageEngine engine, StatusSource status, SubscriptionService subscriptions, Clock clock,
      TeamStats stats) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.status = Objects.requireNonNull(status, "status");
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.stats = Objects.requireNonNull(stats, "stats");
  }

  /** Returns the team's numbers, for views other than the command (the Slack App Home). */
  public TeamStats stats() {
    return stats;
  }

  /**
   * Returns a report drawn as a chart, or empty (logged) when it cannot be drawn here: a JVM
   * without fonts or graphics libraries, which headless drawing still needs.
   */
  public static Optional<Answer.Chart> chart(StatsReport report) {
    try {
      return Optional.of(new Answer.Chart(StatsChart.FILE_NAME, "claude500 triages per day by branch, last "
          + report.window().days() + " days", StatsChart.png(report)));
    } catch (RuntimeException | LinkageError | java.awt.AWTError e) {
      LOG.warn("The stats chart could not be drawn: {}", e.toString());
      return Optional.empty();
    }
  }

  /** Returns the answer to {@code command}, typed as {@code invocation} says. */
  public Answer answer(Command command, Invocation invocation) {
    return Objects.requireNonNull(command, "command").accept(new Answering(Objects.requireNonNull(invocation, "invocation")));
  }

  /**
   * Returns the answer to a request to triage a message already posted: a triage of the default
   * playbook with the message's text as the paste, in that message's thread, opened by a post that
   * names who asked and whose message it is; or, for a message of the bot's own or one without
   * text, a line saying why not, for the person who asked only.
   */
  public Answer triageMessage(Invocation invocation, PostedMessage message) {
    Objects.requireNonNull(invocation, "invocation");
    Objects.requireNonNull(message, "message");
    if (message.byThisBot()) {
      return new Answer.Say(new Reply.Message(Text.parse("That is one of my own messages. Pick *Triage with "
          + "claude500* on the message that shows the error, or type `/claude500` and paste it.")));
    }
    if (message.text().isBlank()) {
      return new Answer.Say(new Reply.Message(Text.parse("That message has no text I can read. Type "
          + "`/claude500` and paste the error line, and I will start from it.")));
    }
    Playbook playbook = engine.defaultPlaybook();
    StatusView page = StatusView.of(status.peek(), clock);
    return new Answer.StartTriage(playbook, message.text(),
        TriageOpening.ofMessage(invocation.surface(), invocation.actor(), message.author(), playbook, page));
  }

  /**
   * Returns the offer to make, to its author only, under a message whose text holds a Claude Code
   * API error the parser reads as a 500, 529, 429 or 401: what the error is and whether the status
   * page is red, as last read (never waits for the page); empty for text without such an error.
   * Whether the channel wants offers, and how often, is {@link Autodetect}'s.
   */
  public Optional<Text> offer(String text) {
    Objects.requireNonNull(text, "text");
    return PasteOffer.errorIn(text).map(e -> PasteOffer.of(e, StatusView.of(status.peek(), clock)));
  }

  /** Returns the channels' offers under pasted errors ({@code autodetect}). */
  public Autodetect autodetect() {
    return subscriptions.autodetect();
  }

  /**
   * Returns a triage's opening as the status page is now, when {@code start}'s was made before the
   * page had been read ("status page ⚪ unknown") and the page has been read since; empty when the
   * opening already showed the page, or the page is still unknown. The adapter edits the triage's
   * first message to it, so a triage started on a cold start does not keep saying "unknown". Waits
   * for a first read of the page at most the status source's bounded time: call it once the triage
   * has started, never on an acknowledgement's path.
   *
   * @param start the answer the triage was started from
   * @param invocation where and by whom the command was typed, as for {@link #answer}
   */
  public Optional<Reply.Opening> openingOnceRead(Answer.StartTriage start, Invocation invocation) {
    return pageOnceRead(start).map(page -> TriageOpening.of(invocation.surface(), invocation.actor(), start.playbook(), page));
  }

  /**
   * Returns the opening of a triage of a message ({@link #triageMessage}) as the status page is now,
   * when its opening was made before the page had been read; as {@link #openingOnceRead} does for
   * a command's.
   */
  public Optional<Reply.Opening> openingOnceRead(Answer.StartTriage start, Invocation invocation,
      PostedMessage message) {
    return pageOnceRead(start).map(page ->
        TriageOpening.ofMessage(invocation.surface(), invocation.actor(), message.author(), start.playbook(), page));
  }

  /** Returns the page as read now, when {@code start}'s opening was made before it had been read and it has been since. */
  private Optional<StatusView> pageOnceRead(Answer.StartTriage start) {
    if (start.opening().indicator() != StatusIndicator.UNKNOWN) {
      return Optional.empty();
    }
    StatusView page = StatusView.of(status.current(), clock);
    return page.isUnknown() ? Optional.empty() : Optional.of(page);
  }

  /** One command's answer: a method per kind of command. */
  private final class Answering implements Command.Handler<Answer> {
    private final Invocation in;

    Answering(Invocation in) {
      this.in = in;
    }

    @Override
    public Answer help(Command.Help command) {
      return say(new Reply.Message(HelpText.usage(in.surface())));
    }

    @Override
    public Answer status(Command.Status command) {
      return say(new Reply.Status(StatusView.of(status.current(), clock)));
    }

    @Override
    public Answer subscribe(Command.Subscribe command) {
      return say(new Reply.Message(subscriptions.subscribe(in.channel(), in.actor(), command.components(),
          command.filters(), in.surface())));
    }

    @Override
    public Answer unsubscribe(Command.Unsubscribe command) {
      return say(new Reply.Message(subscriptions.unsubscribe(in.channel())));
    }

    @Override
    public Answer subscriptions(Command.Subscriptions command) {
      Text described = subscriptions.describe(in.channel());
      if (in.surface().can(Ability.READS_MESSAGES)) {
        described = described.append(Text.plain("\n")).append(subscriptions.autodetect().describe(in.channel()));
      }
      return say(new Reply.Message(described));
    }

    @Override
    public Answer autodetect(Command.Autodetect command) {
      if (!in.surface().can(Ability.READS_MESSAGES)) {
        String paste = in.surface().can(Ability.NAMED_OPTIONS) ? "`/claude500 triage error:<the error line>`"
            : "`/claude500 <pasted error line>`";
        return say(new Reply.Message(Text.parse("Autodetect works in Slack only: there I read a channel's new "
            + "messages and offer a triage to whoever posts a Claude Code API error. Here I do not read the "
            + "channel's messages, so nothing changed. " + paste + " starts a triage from the error.")));
      }
      return say(new Reply.Message(subscriptions.autodetect().apply(in.channel(), in.actor(), command)));
    }

    @Override
    public Answer playbooks(Command.Playbooks command) {
      return say(new Reply.Message(playbookList()));
    }

    @Override
    public Answer stats(Command.Stats command) {
      StatsWindow window = StatsWindow.DEFAULT;
      for (String word : command.words()) {
        if (word.equalsIgnoreCase(PUBLIC)) {
          continue;
        } else if (StatsWindow.named(word).isPresent()) {
          window = StatsWindow.named(word).get();
        } else {
          return say(new Reply.Message(Text.builder().plain("I do not know ").code(shown(word))
              .plain(". ").text(Text.parse("`stats` takes a window, " + StatsWindow.allowedWords() + " (`"
                  + StatsWindow.DEFAULT.word() + "` when none is named), and `" + PUBLIC
                  + "` to show the answer to the channel.")).build()));
        }
      }
      Optional<StatsReport> found = stats.report(in.channel(), window);
      if (found.isEmpty()) {
        return say(new Reply.Message(Text.parse(WORKSPACE_UNKNOWN)));
      }
      StatsReport report = found.get();
      return new Answer.Stats(new Reply.Message(StatsText.of(report)), chart(report), command.inPublic());
    }

    @Override
    public Answer triage(Command.Triage command) {
      Optional<Playbook> playbook = command.playbook().isPresent()
          ? engine.playbook(command.playbook().get()) : Optional.of(engine.defaultPlaybook());
      if (playbook.isEmpty()) {
        return say(new Reply.Message(Text.builder().plain("There is no playbook ")
            .code(shown(command.playbook().get())).plain(". ").text(playbookList()).build()));
      }
      StatusView page = StatusView.of(status.peek(), clock);
      return new Answer.StartTriage(playbook.get(), command.pasted(),
          TriageOpening.of(in.surface(), in.actor(), playbook.get(), page));
    }

    private Answer say(Reply reply) {
      return new Answer.Say(reply);
    }
  }

  /** Returns a typed playbook id fit to show: no backquotes, at most 100 characters. */
  private static String shown(String id) {
    String plain = id.replace("`", "");
    return plain.length() <= 100 ? plain : plain.substring(0, 100) + "…";
  }

  private Text playbookList() {
    return Text.parse("Playbooks:\n" + engine.playbookIds().stream()
        .map(id -> "`" + id + "`: " + engine.playbook(id).orElseThrow().title())
        .collect(Collectors.joining("\n")));
  }
}
