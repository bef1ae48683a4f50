package dev.claude500.launcher;

import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.StatusFixtures;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The launcher's service with Slack, started from an environment alone against loopback fakes: the
 * Slack Web API and a green status page, with a fresh in-memory store and any free port. The caller
 * gives the setting that picks the Slack mode.
 */
final class SlackService implements AutoCloseable {
  final FakeSlackApi slack;
  final FakeStatusPage page;
  final Core core;
  final Service service;

  private SlackService(FakeSlackApi slack, FakeStatusPage page, Core core, Service service) {
    this.slack = slack;
    this.page = page;
    this.core = core;
    this.service = service;
  }

  /**
   * Starts the service; on failure closes what was started and throws.
   *
   * @param mode the Slack mode's setting ({@code SLACK_SIGNING_SECRET} or {@code SLACK_APP_TOKEN})
   * @param beforeStart what to tell the fake Web API before the bot first calls it
   */
  static SlackService start(Map<String, String> mode, Consumer<FakeSlackApi> beforeStart) {
    return start(mode, beforeStart, page -> page.serveSummary(FakeStatusPage.Response.json(StatusFixtures.greenSummaryJson())));
  }

  /**
   * Starts the service as {@link #start(Map, Consumer)} does, the status page serving what {@code
   * pageBeforeStart} tells it instead of a green summary; {@code mode} may carry further settings
   * (a {@code CLAUDE500_DB_URL} of its own among them).
   */
  static SlackService start(Map<String, String> mode, Consumer<FakeSlackApi> beforeStart,
      Consumer<FakeStatusPage> pageBeforeStart) {
    FakeSlackApi slack = FakeSlackApi.start();
    FakeStatusPage page = FakeStatusPage.start();
    Core core = null;
    try {
      pageBeforeStart.accept(page);
      beforeStart.accept(slack);
      Map<String, String> env = new HashMap<>(mode);
      env.putIfAbsent("CLAUDE500_DB_URL", "jdbc:h2:mem:slack-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
      env.put("CLAUDE500_STATUS_URL", page.baseUrl().toString());
      env.put("CLAUDE500_HTTP_PORT", "0");
      env.put("SLACK_BOT_TOKEN", "xoxb-launcher-test");
      env.put("SLACK_API_URL", slack.apiUrl());
      core = Core.build(Settings.fromEnvironment(env), Clock.systemUTC());
      return new SlackService(slack, page, core, Service.start(core));
    } catch (Exception e) {
      if (core != null) {
        core.close();
      }
      slack.close();
      page.close();
      throw new IllegalStateException("the service did not start", e);
    }
  }

  @Override
  public void close() {
    service.stop();
    core.close();
    slack.close();
    page.close();
  }
}
