package dev.claude500.slack;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claude500.testing.FakeSlackApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Start-up says whether Slack refused the bot token or could not be reached")
class StartProblemTest {
  private final SlackHarness h = new SlackHarness();

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void aSlackAnsweringOnly5xxCannotBeReachedAndTheTokenIsNotBlamed() {
    FakeSlackApi.Answer down = FakeSlackApi.Answer.status(503);
    h.slack.script("auth.test", down, down, down, down, down, down);

    assertThatThrownBy(h.adapter::start).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot reach Slack's Web API at " + h.slack.apiUrl())
        .hasMessageContaining("http_503")
        .hasMessageNotContaining("refused the bot token");
  }

  @Test
  void aSlackNobodyAnswersCannotBeReachedAndTheTokenIsNotBlamed() {
    h.slack.close();

    assertThatThrownBy(h.adapter::start).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot reach Slack's Web API")
        .hasMessageContaining("ConnectException")
        .hasMessageNotContaining("refused the bot token");
  }

  @Test
  void onlySlacksOwnWordThatTheTokenIsNoGoodSaysTheTokenWasRefused() {
    h.slack.script("auth.test", FakeSlackApi.Answer.error("invalid_auth"));

    assertThatThrownBy(h.adapter::start).isInstanceOf(IllegalStateException.class)
        .hasMessage("Slack refused the bot token (auth.test: invalid_auth); check SLACK_BOT_TOKEN");
  }

  @Test
  void anotherRefusalNamesTheAnswerAndTheSettingsToCheck() {
    h.slack.script("auth.test", FakeSlackApi.Answer.status(404));

    assertThatThrownBy(h.adapter::start).isInstanceOf(IllegalStateException.class)
        .hasMessage("Slack's Web API at " + h.slack.apiUrl() + " did not accept auth.test (http_404);"
            + " check SLACK_API_URL and SLACK_BOT_TOKEN");
  }
}
