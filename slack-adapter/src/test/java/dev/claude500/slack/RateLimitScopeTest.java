package dev.claude500.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.ChatDeliveryException;
import dev.claude500.chat.ChatDeliveryException.Scope;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Slack's rate limits: a post's holds back its channel, any other call's the workspace; the chat port waits none out in line")
class RateLimitScopeTest {
  private static ChatDeliveryException limited(String method, String error) {
    return new SlackCallException(method, error, SlackCallException.Kind.RETRYABLE,
        Optional.of(Duration.ofSeconds(3)), null).toDelivery();
  }

  @Test
  void aPostsLimitIsTheChannels() {
    ChatDeliveryException e = limited("chat.postMessage", "http_429");
    assertThat(e.scope()).isEqualTo(Scope.CHANNEL);
    assertThat(e.retryable()).isTrue();
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
  }

  @Test
  void anyOtherMethodsLimitIsTheWorkspaces() {
    assertThat(limited("chat.update", "http_429").scope()).isEqualTo(Scope.WORKSPACE);
    assertThat(limited("conversations.history", "ratelimited").scope()).isEqualTo(Scope.WORKSPACE);
  }

  @Test
  void otherFailuresHoldBackTheChannelOnly() {
    assertThat(limited("chat.update", "service_unavailable").scope()).isEqualTo(Scope.CHANNEL);
  }

  @Test
  void theChatPortsPolicyHandsEveryRetryAfterBack() {
    RetryPolicy handing = RetryPolicy.DEFAULT.handingBackWaits();
    assertThat(handing.maxWait()).isLessThan(Duration.ofSeconds(1));
    assertThat(handing.maxAttempts()).isEqualTo(RetryPolicy.DEFAULT.maxAttempts());
  }
}
