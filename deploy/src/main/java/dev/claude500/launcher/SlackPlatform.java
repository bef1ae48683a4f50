package dev.claude500.launcher;

import dev.claude500.bot.BotServices;
import dev.claude500.chat.ChatPort;
import dev.claude500.slack.SlackAdapter;
import dev.claude500.slack.SlackSettings;

/**
 * Slack, wired to the core: the adapter built from the Slack settings, its {@code /slack/events}
 * route added to the launcher's HTTP server in HTTP mode (Socket Mode needs no route).
 */
final class SlackPlatform implements Platform {
  private final SlackAdapter adapter;

  private SlackPlatform(SlackAdapter adapter) {
    this.adapter = adapter;
  }

  /** Builds the adapter and, in HTTP mode, routes {@code POST /slack/events} to it; call before the server starts. */
  static SlackPlatform create(Settings.Slack slack, BotServices services, HttpEndpoints http) {
    SlackAdapter adapter = SlackAdapter.create(
        new SlackSettings(slack.botToken(), slack.signingSecret(), slack.appToken(), slack.apiUrl()), services);
    adapter.eventsEndpoint().ifPresent(handler -> http.route(SlackAdapter.EVENTS_PATH, handler));
    return new SlackPlatform(adapter);
  }

  @Override
  public String name() {
    return SlackAdapter.PLATFORM;
  }

  @Override
  public ChatPort chatPort() {
    return adapter.chatPort();
  }

  @Override
  public void start() throws Exception {
    adapter.start();
  }

  @Override
  public boolean isReady() {
    return adapter.isReady();
  }

  @Override
  public void stopTaking() {
    adapter.stopTaking();
  }

  @Override
  public void close() {
    adapter.close();
  }
}
