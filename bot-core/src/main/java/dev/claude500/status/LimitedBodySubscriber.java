package dev.claude500.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a limit, so a hostile or broken server cannot exhaust memory. It
 * asks for one chunk at a time and cancels the exchange as soon as the limit is passed (or at once
 * when {@code Content-Length} already says it will be).
 */
final class LimitedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {
  private static final byte[] EMPTY = new byte[0];

  private final long limit;
  private final long declaredLength;
  private final boolean discard;
  private final CompletableFuture<byte[]> body = new CompletableFuture<>();
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private Flow.Subscription subscription;

  private LimitedBodySubscriber(long limit, long declaredLength, boolean discard) {
    this.limit = limit;
    this.declaredLength = declaredLength;
    this.discard = discard;
  }

  /** Returns a subscriber that keeps at most {@code limit} bytes, failing with {@link TooLarge}. */
  static LimitedBodySubscriber upTo(long limit, long declaredLength) {
    return new LimitedBodySubscriber(limit, declaredLength, false);
  }

  /** Returns a subscriber that reads nothing: it closes the exchange and yields an empty body. */
  static LimitedBodySubscriber discarding() {
    return new LimitedBodySubscriber(0, -1, true);
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (discard) {
      s.cancel();
      body.complete(EMPTY);
    } else if (declaredLength > limit) {
      s.cancel();
      body.completeExceptionally(new TooLarge(limit));
    } else {
      s.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (body.isDone()) {
      return;
    }
    for (ByteBuffer item : items) {
      int n = item.remaining();
      if ((long) buffer.size() + n > limit) {
        subscription.cancel();
        body.completeExceptionally(new TooLarge(limit));
        return;
      }
      byte[] chunk = new byte[n];
      item.get(chunk);
      buffer.write(chunk, 0, n);
    }
    subscription.request(1);
  }

  @Override
  public void onError(Throwable error) {
    body.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    body.complete(buffer.toByteArray());
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return body;
  }

  /** The body was longer than the limit. */
  static final class TooLarge extends IOException {
    TooLarge(long limit) {
      super("body larger than " + limit + " bytes");
    }
  }
}
