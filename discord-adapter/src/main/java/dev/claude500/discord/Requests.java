package dev.claude500.discord;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatDeliveryException;
import dev.claude500.discord.PermissionProblems.Problem;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;

/**
 * Runs the chat port's requests to Discord: each waits at most {@link #TIMEOUT}, and a failure
 * becomes the {@link ChatDeliveryException} {@link Failures} says it is. A request made for a
 * subscribed channel ({@link #call}) that Discord refuses for a missing permission, or because the
 * channel is gone, is also reported once to whoever subscribed it ({@link PermissionProblems}).
 * Blocks; never call it on a JDA thread. Thread-safe.
 */
final class Requests {
  /** The longest a request waits for Discord. */
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final PermissionProblems problems;

  Requests(PermissionProblems problems) {
    this.problems = Objects.requireNonNull(problems, "problems");
  }

  /** Runs a request that only reads, without reporting permission problems to subscribers. */
  <T> T read(String action, Supplier<? extends RestAction<T>> request) {
    try {
      return request.get().timeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).complete();
    } catch (RuntimeException e) {
      throw Failures.classify(action, e).exception();
    }
  }

  /**
   * Runs a request for the channel {@code reportTo}; a refusal for a missing permission or an
   * unknown channel is reported as {@code problem} to whoever subscribed it.
   */
  <T> T call(ChannelRef reportTo, Problem problem, String action, Supplier<? extends RestAction<T>> request) {
    try {
      return request.get().timeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).complete();
    } catch (RuntimeException e) {
      Failures.Failure f = Failures.classify(action, e);
      if (f.missingPermission()) {
        problems.report(reportTo, problem, f.permission(), f.exception().getMessage());
      } else if (Failures.unwrap(e) instanceof ErrorResponseException r && r.getErrorResponse() == ErrorResponse.UNKNOWN_CHANNEL) {
        problems.report(reportTo, problem, Optional.empty(),
            "channel " + reportTo.channelId() + " is unknown: deleted, or the bot is no longer in its server");
      }
      throw f.exception();
    }
  }
}
