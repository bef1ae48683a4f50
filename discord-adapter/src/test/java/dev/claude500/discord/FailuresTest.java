package dev.claude500.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.ChatDeliveryException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletionException;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FailuresTest {
  private static ErrorResponseException discord(ErrorResponse error, int status) {
    return ErrorResponseException.create(error, new Response(null, status, "status " + status, -1, Set.of()));
  }

  @Test
  @DisplayName("missing permissions or access: permanent, and a permission problem")
  void permissions() {
    for (ErrorResponse e : new ErrorResponse[] {ErrorResponse.MISSING_PERMISSIONS, ErrorResponse.MISSING_ACCESS}) {
      Failures.Failure f = Failures.classify("post in 1", discord(e, 403));
      assertThat(f.exception().retryable()).isFalse();
      assertThat(f.missingPermission()).isTrue();
    }
  }

  @Test
  @DisplayName("unknown channels and messages, locked threads, refused bodies: permanent, not a permission problem")
  void permanent() {
    for (ErrorResponse e : new ErrorResponse[] {ErrorResponse.UNKNOWN_CHANNEL, ErrorResponse.UNKNOWN_MESSAGE,
        ErrorResponse.THREAD_LOCKED, ErrorResponse.INVALID_FORM_BODY}) {
      Failures.Failure f = Failures.classify("post in 1", discord(e, 400));
      assertThat(f.exception().retryable()).as(e.name()).isFalse();
      assertThat(f.missingPermission()).isFalse();
    }
    assertThat(Failures.classify("x", new IllegalArgumentException("too long")).exception().retryable()).isFalse();
  }

  @Test
  @DisplayName("Discord's 5xx, rate limits, timeouts and full thread quotas: retryable, with a wait when known")
  void retryable() {
    assertThat(Failures.classify("x", discord(ErrorResponse.SERVER_ERROR, 502)).exception().retryable()).isTrue();
    Failures.Failure limited = Failures.classify("x", new RateLimitedException("POST/channels", 1500));
    assertThat(limited.exception().retryable()).isTrue();
    assertThat(limited.exception().retryAfter()).contains(Duration.ofMillis(1500));
    assertThat(Failures.classify("x", new CompletionException(new SocketTimeoutException("read"))).exception().retryable())
        .isTrue();
    Failures.Failure threads = Failures.classify("x", discord(ErrorResponse.MAX_ACTIVE_THREADS, 400));
    assertThat(threads.exception().retryable()).isTrue();
    assertThat(threads.exception().retryAfter()).isPresent();
  }

  private static okhttp3.Response tooMany(String header, String value) {
    okhttp3.Response.Builder b = new okhttp3.Response.Builder()
        .request(new okhttp3.Request.Builder().url("https://discord.test/api/v10/channels/1/messages").build())
        .protocol(okhttp3.Protocol.HTTP_1_1).code(429).message("Too Many Requests");
    return (header == null ? b : b.header(header, value)).build();
  }

  @Test
  @DisplayName("Discord's global limit holds back the whole server; a route's limit, or one it cannot place, the channel")
  void rateLimitScope() {
    assertThat(Failures.scope(tooMany("X-RateLimit-Global", "true"))).isEqualTo(ChatDeliveryException.Scope.WORKSPACE);
    assertThat(Failures.scope(tooMany("X-RateLimit-Scope", "global"))).isEqualTo(ChatDeliveryException.Scope.WORKSPACE);
    assertThat(Failures.scope(tooMany("X-RateLimit-Scope", "shared"))).isEqualTo(ChatDeliveryException.Scope.CHANNEL);
    assertThat(Failures.scope(tooMany(null, null))).isEqualTo(ChatDeliveryException.Scope.CHANNEL);
    assertThat(Failures.scope(null)).isEqualTo(ChatDeliveryException.Scope.CHANNEL);
  }

  @Test
  @DisplayName("a post may have been made after a timeout or a 5xx, never after a rate limit, a refusal or no connection")
  void mayHaveBeenTaken() {
    assertThat(Failures.mayHaveBeenTaken(new CompletionException(new SocketTimeoutException("read")))).isTrue();
    assertThat(Failures.mayHaveBeenTaken(new java.util.concurrent.TimeoutException())).isTrue();
    assertThat(Failures.mayHaveBeenTaken(discord(ErrorResponse.SERVER_ERROR, 500))).isTrue();
    assertThat(Failures.mayHaveBeenTaken(new RateLimitedException("POST/channels", 1500))).isFalse();
    assertThat(Failures.mayHaveBeenTaken(discord(ErrorResponse.MISSING_PERMISSIONS, 403))).isFalse();
    assertThat(Failures.mayHaveBeenTaken(new java.net.ConnectException("refused"))).isFalse();
    assertThat(Failures.mayHaveBeenTaken(null)).isFalse();
  }
}
