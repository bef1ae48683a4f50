package dev.claude500.launcher;

import dev.claude500.chat.Actor;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatPort;
import dev.claude500.chat.Choice;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.MessageRef;
import dev.claude500.chat.PlainTextRenderer;
import dev.claude500.chat.Reply;
import dev.claude500.commands.Answer;
import dev.claude500.commands.Command;
import dev.claude500.commands.CommandParser;
import dev.claude500.commands.Commands;
import dev.claude500.commands.Invocation;
import dev.claude500.commands.Surface;
import dev.claude500.outbox.Outbox;
import dev.claude500.outbox.Outgoing;
import dev.claude500.triage.Disposition;
import dev.claude500.triage.TriageEngine;
import dev.claude500.triage.TriageResult;
import java.io.IOException;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Console mode: a channel on standard input and output. It starts idle with a one-line hint;
 * inputs ({@link ConsoleInput}: a typed line, or the lines of a paste) that start with
 * {@code /claude500} run the same commands as in chat, the rest of a pasted input being the pasted
 * text; other inputs answer the open triage (a choice's number or label, or free text where text
 * is asked for). A text request can also take several inputs wrapped in a ``` fence. End of input
 * ends it. One triage at a time is answered: starting another, or ending the input, with one open
 * says that it is left open and when it closes itself.
 *
 * <p>Its {@link #chatPort()} lets the incident watcher speak in the console as in a channel:
 * incident posts for a {@code /claude500 subscribe}d console, and the follow-up of a triage that
 * ended waiting for an incident, whose question then becomes the one a typed line answers. What is
 * said in a thread is headed by what it is about: the incident's name, or the triage's label
 * ({@link TriageLabels}), so that an earlier session's triage is told apart from the one at hand.
 * Thread-safe: output from the watcher and from typed lines does not interleave.
 *
 * <p>A triage's replies go out through the {@link Outbox} like a chat's, to this console's port,
 * which prints them at once: the order and the once-only of every platform hold here too. The
 * triage at hand is printed as it is; another one's lines are headed by its label.
 */
public final class ConsoleMode {
  /** The platform name console conversations are stored under. */
  public static final String PLATFORM = "console";
  /** What the console can do: plain text in and out, one person, no threads or buttons. */
  static final Surface SURFACE = Surface.of();
  /** The first line printed. */
  public static final String HINT =
      "claude500 console: type /claude500 to start a triage (or /claude500 help); end of input quits.";

  /** Printed when an input was longer than {@link ConsoleInput} keeps. */
  static final String CUT = "That paste was longer than " + ConsoleInput.MAX_LINES + " lines or "
      + ConsoleInput.MAX_CHARS + " characters: only its beginning was read, the rest was dropped.";

  private static final String FENCE = "```";

  private final TriageEngine engine;
  private final Commands commands;
  private final PrintStream out;
  private final ChannelRef channel;
  private final Actor actor;
  private final TriageLabels labels;
  private final Outbox outbox;
  private final ChatPort port = new Port();
  /** The names of the incidents posted here, by message id, to say whose thread a reply is in. */
  private final Map<String, String> posted = new HashMap<>();
  private ConversationKey active;
  private Reply pending;
  private long messages;

  /** Creates a console session writing to {@code out}; its port is registered with {@code outbox}. */
  public ConsoleMode(TriageEngine engine, Commands commands, Outbox outbox, PrintStream out) {
    this.engine = engine;
    this.commands = commands;
    this.outbox = outbox;
    this.out = out;
    this.labels = new TriageLabels(engine);
    this.channel = new ChannelRef(PLATFORM, "console");
    String user = System.getProperty("user.name", "you");
    this.actor = new Actor("console-" + user, user);
    outbox.register(port);
  }

  /**
   * Returns the chat port of this console: posts are printed; a thread reply that asks something
   * makes its triage the one typed lines answer. A terminal cannot change what it printed, so
   * edits print nothing (the thread replies already printed carry each change); posts cannot be
   * looked for again.
   */
  public ChatPort chatPort() {
    return port;
  }

  /** Prints the one-line hint the console starts with. */
  public void greet() {
    say(HINT);
  }

  /**
   * Reads inputs until end of input; call {@link #greet()} first.
   *
   * @throws IOException when reading standard input failed
   */
  public void run(ConsoleInput in) throws IOException {
    Optional<ConsoleInput.Input> next;
    while ((next = in.next()).isPresent()) {
      String text = next.get().text();
      boolean cut = next.get().cut();
      if (text.strip().startsWith(FENCE) && pending instanceof Reply.TextRequest) {
        ConsoleInput.Input fenced = fenced(text, in);
        text = fenced.text();
        cut |= fenced.cut();
      }
      if (cut) {
        say(CUT);
      }
      if (!text.isBlank()) {
        handle(text);
      }
    }
    ended();
  }

  /** Says, at the end of input, that the open triage is kept. */
  private synchronized void ended() {
    if (active != null) {
      labels.leftOpen(active).ifPresent(this::say);
    }
  }

  /**
   * Stops answering a console triage closed for being idle, once its summary went out through the
   * outbox (printed as the triage at hand when it was).
   */
  public synchronized void expired(TriageEngine.Expired expired) {
    if (expired.key().equals(active)) {
      active = null;
      pending = null;
    }
  }

  private synchronized void handle(String line) {
    String t = line.strip();
    if (t.toLowerCase(Locale.ROOT).startsWith("/claude500")) {
      command(CommandParser.parse(t));
      return;
    }
    if (active == null || pending == null) {
      say("No triage is open. Type /claude500 to start one, or /claude500 help.");
      return;
    }
    Optional<Choice> alternative = pending instanceof Reply.TextRequest r ? pick(r.alternatives(), t) : Optional.empty();
    TriageResult result = alternative.isPresent()
        ? engine.answer(active, actor, ((Reply.TextRequest) pending).token(), alternative.get().value())
        : engine.reply(active, actor, line);
    if (result.disposition() == Disposition.NO_TRIAGE) {
      pending = null;
      active = null;
      say("That triage has ended. Type /claude500 to start another.");
      return;
    }
    show(result);
  }

  private void command(Command command) {
    Answer answer = commands.answer(command, new Invocation(SURFACE, channel, actor));
    if (!(answer instanceof Answer.StartTriage start)) {
      say(ConsoleAnswers.text(answer));
      return;
    }
    activate(new ConversationKey(PLATFORM, channel.channelId(), UUID.randomUUID().toString()), null);
    say(PlainTextRenderer.render(start.opening()));
    show(engine.start(active, actor, start.pasted(), start.playbook().id()));
  }

  /** Makes {@code key}'s triage the one typed lines answer, saying so of the open one it replaces. */
  private void activate(ConversationKey key, Reply asked) {
    if (active != null && !active.equals(key)) {
      labels.leftOpen(active).ifPresent(this::say);
    }
    active = key;
    pending = asked;
  }

  /** Sends the replies to the triage at hand through the outbox (printed before it returns) and follows what they ask. */
  private void show(TriageResult result) {
    outbox.send(Outgoing.triageReplies(active, result.replies()));
    for (Reply r : result.replies()) {
      if (r instanceof Reply.Question || r instanceof Reply.TextRequest) {
        pending = r;
      }
    }
    if (result.ended().isPresent()) {
      pending = null;
      active = null;
    }
  }

  private static Optional<Choice> pick(List<Choice> choices, String t) {
    for (int i = 0; i < choices.size(); i++) {
      Choice c = choices.get(i);
      if (t.equals(Integer.toString(i + 1)) || t.equalsIgnoreCase(c.label()) || t.equalsIgnoreCase(c.value())) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the text of a fenced block that starts with {@code first}, reading inputs until a line
   * that is only the fence (or end of input); what follows that line in its input is dropped.
   */
  private static ConsoleInput.Input fenced(String first, ConsoleInput in) throws IOException {
    String rest = first.strip().substring(FENCE.length());
    if (rest.endsWith(FENCE) && rest.indexOf('\n') < 0) {
      return new ConsoleInput.Input(rest.substring(0, rest.length() - FENCE.length()), false);
    }
    BoundedText text = new BoundedText(ConsoleInput.MAX_CHARS, ConsoleInput.MAX_LINES);
    boolean cut = false;
    Optional<ConsoleInput.Input> next = Optional.of(new ConsoleInput.Input(rest, false));
    while (next.isPresent()) {
      cut |= next.get().cut();
      for (String line : next.get().text().split("\n", -1)) {
        if (line.strip().equals(FENCE)) {
          return new ConsoleInput.Input(text.text().strip(), cut || text.cut());
        }
        text.append(line);
        text.endLine();
      }
      next = in.next();
    }
    return new ConsoleInput.Input(text.text().strip(), cut || text.cut());
  }

  private synchronized void say(String text) {
    out.println(text);
    out.println();
    out.flush();
  }

  private synchronized MessageRef print(ChannelRef to, Optional<String> threadId, Reply reply) {
    String text = PlainTextRenderer.render(reply);
    Optional<String> incident = threadId.map(posted::get);
    Optional<ConversationKey> triage = threadId.filter(t -> incident.isEmpty())
        .map(t -> new ConversationKey(PLATFORM, to.channelId(), t));
    boolean atHand = triage.isPresent() && triage.get().equals(active);
    if (triage.isPresent() && (reply instanceof Reply.Question || reply instanceof Reply.TextRequest)) {
      activate(triage.get(), reply);
    }
    if (incident.isPresent()) {
      say("[" + incident.get() + "] " + text);
    } else {
      say(triage.filter(key -> !atHand).map(key -> labelled(key, text)).orElse(text));
    }
    String id = "console-" + ++messages;
    if (threadId.isEmpty() && reply instanceof Reply.Incident i) {
      posted.put(id, i.view().name());
    }
    return new MessageRef(to, id);
  }

  /** Returns {@code text} headed by the label of the triage it is about, for a screen that shows several. */
  private String labelled(ConversationKey key, String text) {
    return "[" + labels.of(key) + "] " + text;
  }

  /** The watcher's way into the console. */
  private final class Port implements ChatPort {
    @Override
    public String platform() {
      return PLATFORM;
    }

    @Override
    public MessageRef post(ChannelRef to, Reply reply) {
      return print(to, Optional.empty(), reply);
    }

    @Override
    public MessageRef postInThread(ChannelRef to, String threadId, Reply reply, boolean alsoToChannel) {
      return print(to, Optional.of(threadId), reply);
    }

    @Override
    public void update(MessageRef message, Reply reply) {
      // printed lines stay as they are; the thread reply about the change was printed
    }
  }
}
