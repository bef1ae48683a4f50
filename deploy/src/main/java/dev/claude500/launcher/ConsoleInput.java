package dev.claude500.launcher;

import dev.claude500.evidence.InputLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Standard input read as a person writes it: lines that arrive together, as a paste does, are one
 * input, joined with {@code \n}. Lines arrive together when they come in one read, or were already
 * waiting when the one before was read (however busy the machine is), or when a line comes within
 * a short window after the one before (a terminal delivers a long paste in several pieces). A
 * terminal's bracketed-paste markers ({@code ESC[200~} ... {@code ESC[201~}), when present, delimit
 * one input exactly, from the start of the line the paste begins on to the end of the line it ends
 * on, and are removed. Line ends are {@code \n}, {@code \r\n} or {@code \r}.
 *
 * <p>One input keeps at most {@link #MAX_CHARS} characters and {@link #MAX_LINES} lines; the rest
 * of a longer one is read and dropped, and the input says it was cut, so a flood cannot fill memory.
 *
 * <p>Thread-safety: the stream is read by one daemon thread of its own, from {@link #start} until
 * end of input or a read failure; it stops reading while a few pieces wait unread. {@link #next}
 * may be called from any thread; calls are serialised.
 */
public final class ConsoleInput {
  /** How soon a line must follow the one before to belong to the same input by default. */
  public static final Duration WINDOW = Duration.ofMillis(40);
  /** The most characters one input keeps (64 Ki). */
  public static final int MAX_CHARS = InputLimits.MAX_MESSAGE_CHARS;
  /** The most lines one input keeps. */
  public static final int MAX_LINES = 500;

  private static final String PASTE_START = "\u001b[200~";
  private static final String PASTE_END = "\u001b[201~";
  /** Marks the end of input in the queue. */
  private static final Piece END = new Piece("", false, 0);

  private final long windowNanos;
  private final BlockingQueue<Piece> pieces = new ArrayBlockingQueue<>(16);
  private volatile IOException failure;

  // the consumer's state, guarded by this
  private String scan = "";
  private int pos;
  private boolean scanMore;
  private long scanAt;
  private String carry = "";
  private boolean inPaste;
  private boolean afterCr;
  private boolean ended;

  /** What one read brought: its text, whether more was waiting then, and when it came (nanoTime). */
  private record Piece(String text, boolean more, long at) {}

  /**
   * One input: its lines joined with {@code \n} (no line end at the end), and whether lines or
   * characters over the bounds were dropped.
   */
  public record Input(String text, boolean cut) {
    /** Checks the text is present. */
    public Input {
      Objects.requireNonNull(text, "text");
    }
  }

  private ConsoleInput(Duration window) {
    this.windowNanos = window.toNanos();
  }

  /**
   * Starts reading {@code in} (UTF-8) on a thread of its own. A line that comes within
   * {@code window} of the one before joins its input; {@link Duration#ZERO} joins only lines that
   * arrive together in one read or were waiting when it was made.
   *
   * @throws IllegalArgumentException if {@code window} is negative
   */
  public static ConsoleInput start(InputStream in, Duration window) {
    Objects.requireNonNull(in, "in");
    if (Objects.requireNonNull(window, "window").isNegative()) {
      throw new IllegalArgumentException("window must not be negative: " + window);
    }
    ConsoleInput input = new ConsoleInput(window);
    Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
    Thread thread = new Thread(() -> input.read(reader), "console-input");
    thread.setDaemon(true);
    thread.start();
    return input;
  }

  private void read(Reader reader) {
    char[] buffer = new char[8192];
    try {
      int n;
      while ((n = reader.read(buffer)) >= 0) {
        long at = System.nanoTime();
        pieces.put(new Piece(new String(buffer, 0, n), reader.ready(), at));
      }
    } catch (IOException e) {
      failure = e;
    } catch (InterruptedException e) {
      failure = new InterruptedIOException("reading standard input was interrupted");
    }
    try {
      pieces.put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Returns the next input, waiting for it; empty at end of input. A last line without a line end
   * is an input too.
   *
   * @throws IOException when reading failed (after the input read before the failure is returned),
   *     or the waiting thread was interrupted
   */
  public synchronized Optional<Input> next() throws IOException {
    BoundedText text = new BoundedText(MAX_CHARS, MAX_LINES);
    State s = new State();
    while (pos < scan.length() ? scanOne(text, s) : more(s)) {
      // scans until the input is complete
    }
    if (!s.started) {
      if (failure != null) {
        IOException e = failure;
        failure = null;
        throw e;
      }
      return Optional.empty();
    }
    return Optional.of(new Input(text.text(), text.cut()));
  }

  /** Where the input being read stands. */
  private static final class State {
    boolean started;
    boolean lineOpen;
    boolean closeAtLineEnd;
  }

  /**
   * Brings the next piece in when it belongs to this input; returns false when the input is
   * complete (the piece that starts the next one, if any, is left to scan).
   */
  private boolean more(State s) throws IOException {
    if (ended) {
      if (carry.isEmpty()) {
        return false;
      }
      scan = carry; // a marker's beginning at the very end is text
      pos = 0;
      carry = "";
      return true;
    }
    Piece piece;
    if (!s.started || s.lineOpen || inPaste || !carry.isEmpty() || scanMore) {
      piece = take();
    } else {
      long left = windowNanos - (System.nanoTime() - scanAt);
      piece = poll(Math.max(0, left));
      if (piece == null) {
        return false;
      }
      if (piece != END && piece.at() - scanAt >= windowNanos) {
        use(piece, "");
        return false;
      }
    }
    if (piece == END) {
      ended = true;
      return more(s);
    }
    use(piece, carry);
    carry = "";
    return true;
  }

  private void use(Piece piece, String before) {
    scan = before + piece.text();
    pos = 0;
    scanMore = piece.more();
    scanAt = piece.at();
  }

  /** Scans one character or marker; returns false when the input ends before it. */
  private boolean scanOne(BoundedText text, State s) {
    char c = scan.charAt(pos);
    if (c == '\u001b') {
      if (scan.startsWith(PASTE_START, pos)) {
        if (!inPaste && s.started && !s.lineOpen) {
          return false; // the lines before the paste are an input of their own
        }
        inPaste = true;
        s.started = true;
        pos += PASTE_START.length();
        return true;
      }
      if (scan.startsWith(PASTE_END, pos)) {
        s.closeAtLineEnd |= inPaste;
        inPaste = false;
        s.started = true;
        pos += PASTE_END.length();
        return true;
      }
      if (!ended && (isCut(PASTE_START) || isCut(PASTE_END))) {
        carry = scan.substring(pos);
        pos = scan.length();
        return true;
      }
    }
    pos++;
    boolean lf = c == '\n';
    if (lf && afterCr) {
      afterCr = false;
      return true;
    }
    afterCr = c == '\r';
    s.started = true;
    if (!lf && !afterCr) {
      text.append(c);
      s.lineOpen = true;
      return true;
    }
    text.endLine();
    s.lineOpen = false;
    return !(s.closeAtLineEnd && !inPaste);
  }

  /** Returns true when the rest of the piece is the beginning of {@code marker}, cut by the read. */
  private boolean isCut(String marker) {
    int left = scan.length() - pos;
    return left < marker.length() && marker.startsWith(scan.substring(pos));
  }

  private Piece take() throws IOException {
    try {
      return pieces.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted waiting for standard input");
    }
  }

  private Piece poll(long nanos) throws IOException {
    try {
      return pieces.poll(nanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted waiting for standard input");
    }
  }
}
