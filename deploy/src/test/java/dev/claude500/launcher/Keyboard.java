package dev.claude500.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Standard input as a terminal or a pipe delivers it, in arrivals: each {@link #write} is one
 * arrival, read whole (or in parts when the reader asks for less), and {@link #available} counts
 * only what is left of the arrival being read, so two writes never look like one however fast
 * they follow each other. {@link #close} ends the input after what was written; {@link #fail} makes
 * the read after it fail. Thread-safe: one thread writes, one reads.
 */
final class Keyboard extends InputStream {
  private static final byte[] END = new byte[0];

  private final LinkedBlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();
  private byte[] current = new byte[0];
  private int pos;
  private boolean ended;

  /** Delivers {@code text} (UTF-8) as one arrival. */
  void write(String text) {
    arrivals.add(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Makes the read after what was written so far fail with {@code e}. */
  void fail(IOException e) {
    arrivals.add(e);
  }

  /** Ends the input after what was written so far. */
  @Override
  public void close() {
    arrivals.add(END);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (pos == current.length) {
      if (ended) {
        return -1;
      }
      Object next;
      try {
        next = arrivals.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      if (next instanceof IOException e) {
        throw e;
      }
      current = (byte[]) next;
      pos = 0;
      ended = current == END;
    }
    int n = Math.min(len, current.length - pos);
    System.arraycopy(current, pos, b, off, n);
    pos += n;
    return n;
  }

  @Override
  public int available() {
    return current.length - pos;
  }
}
