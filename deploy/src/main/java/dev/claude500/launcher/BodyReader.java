package dev.claude500.launcher;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.eclipse.jetty.io.Content;

/**
 * Reads a request's body without blocking a thread: what has arrived is taken, and the rest is
 * asked for ({@link Content.Source#demand}), which calls back when more arrives. Bytes are counted
 * as they are read, whatever the body's framing (a declared length or chunks), and reading stops as
 * soon as they pass the limit. One use.
 */
final class BodyReader implements Runnable {
  /** Told how reading ended, once. */
  interface Outcome {
    /** The whole body, at most the limit. */
    void read(byte[] body);

    /** More than the limit came; the rest was not read. */
    void tooLarge();

    /** Reading failed: the connection broke, or the read was failed from outside (a deadline). */
    void failed(Throwable failure);
  }

  private final Content.Source source;
  private final int limit;
  private final Outcome outcome;
  private byte[] bytes = new byte[0];
  private int size;

  private BodyReader(Content.Source source, int limit, Outcome outcome) {
    this.source = Objects.requireNonNull(source, "source");
    this.limit = limit;
    this.outcome = Objects.requireNonNull(outcome, "outcome");
  }

  /** Starts reading {@code source}, at most {@code limit} bytes, and tells {@code outcome} how it ended. */
  static void read(Content.Source source, int limit, Outcome outcome) {
    new BodyReader(source, limit, outcome).run();
  }

  @Override
  public void run() {
    while (true) {
      Content.Chunk chunk = source.read();
      if (chunk == null) {
        source.demand(this);
        return;
      }
      if (Content.Chunk.isFailure(chunk)) {
        outcome.failed(chunk.getFailure());
        return;
      }
      ByteBuffer b = chunk.getByteBuffer();
      int n = b.remaining();
      if (n > limit - size) {
        chunk.release();
        outcome.tooLarge();
        return;
      }
      if (size + n > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.min(limit, Math.max(size + n, 2 * bytes.length)));
      }
      b.get(bytes, size, n);
      size += n;
      boolean last = chunk.isLast();
      chunk.release();
      if (last) {
        outcome.read(size == bytes.length ? bytes : Arrays.copyOf(bytes, size));
        return;
      }
    }
  }
}
