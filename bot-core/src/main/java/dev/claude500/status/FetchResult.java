package dev.claude500.status;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What one call to {@link StatuspageClient} got: a new body, the body it already had, or a failure.
 * Never an exception.
 *
 * @param <T> the parsed body's type
 */
public sealed interface FetchResult<T>
    permits FetchResult.Fetched, FetchResult.NotModified, FetchResult.Failed {

  /** Returns the body this result carries: present unless the fetch failed. */
  Optional<T> toOptional();

  /**
   * The page answered {@code 200} with a body that parsed.
   *
   * @param value the parsed body
   * @param source the full URL that answered
   */
  record Fetched<T>(T value, URI source) implements FetchResult<T> {
    /** Validates both arguments. */
    public Fetched {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(source, "source");
    }

    @Override
    public Optional<T> toOptional() {
      return Optional.of(value);
    }
  }

  /**
   * The page answered {@code 304 Not Modified} to the client's {@code If-None-Match}: the body is
   * the one the client fetched last from that URL (by any caller of the same client), carried here
   * so callers need no cache of their own.
   *
   * @param value the body fetched last from this URL
   * @param source the full URL that answered
   */
  record NotModified<T>(T value, URI source) implements FetchResult<T> {
    /** Validates both arguments. */
    public NotModified {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(source, "source");
    }

    @Override
    public Optional<T> toOptional() {
      return Optional.of(value);
    }
  }

  /**
   * No URL answered with usable JSON.
   *
   * @param reason what went wrong at each URL tried, in order, for logs and "unknown since" notes
   */
  record Failed<T>(String reason) implements FetchResult<T> {
    /** Validates the reason. */
    public Failed {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public Optional<T> toOptional() {
      return Optional.empty();
    }
  }
}
