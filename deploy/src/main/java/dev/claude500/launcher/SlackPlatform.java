package dev.claude500.launcher;

import dev.claude500.adapters.AdapterServices;
import dev.claude500.chat.ChatPort;
import java.util.Optional;
import dev.claude500.slack.EventsEndpoint;
import dev.claude500.slack.SlackAdapter;
import dev.claude500.slack.SlackSettings;

/**
 * Slack, wired to the core: the adapter built from the Slack settings, its {@code /slack/events}
 * route added to the launcher's HTTP server in HTTP mode (Socket Mode needs no route), answered on
 * a lane of its own (16 threads, a queue of 1024) with bodies of at most 1 MB.
 */
final class SlackPlatform implements Platform {
  /** Threads that acknowledge Slack's requests (each in about a millisecond; the work runs after the ack). */
  private static final int LANE_THREADS = 16;
  /** Room for a burst of 500 slash commands at once and then some. */
  private static final int LANE_QUEUE = 1024;
  private final SlackAdapter adapter;

  private SlackPlatform(SlackAdapter adapter) {
    this.adapter = adapter;
  }

  /** Returns a new lane of its own for Slack's requests: a pool that acknowledges a burst at once. */
  static Lane requestLane() {
    return Lane.pool("slack-http", LANE_THREADS, LANE_QUEUE);
  }

  /**
   * Builds the adapter and, in HTTP mode, routes {@code POST /slack/events} to it, Slack's requests
   * answered on {@code lane} (e.g. {@link #requestLane()}); call before the server starts.
   */
  static SlackPlatform create(SlackSettings slack, AdapterServices services, HttpEndpoints http, Lane lane) {
    SlackAdapter adapter = SlackAdapter.create(slack, services);
    adapter.eventsEndpoint().ifPresent(endpoint ->
        http.route(SlackAdapter.EVENTS_PATH, lane, EventsEndpoint.MAX_BODY, new EventsRoute(endpoint)));
    return new SlackPlatform(adapter);
  }

  /** {@code /slack/events} on the front door: the adapter's endpoint, its answers as the door's replies. */
  private record EventsRoute(EventsEndpoint endpoint) implements Route {
    @Override
    public Optional<Reply> screen(Head head) {
      return endpoint.screen(head.method(), head::header, head.from()).map(EventsRoute::reply);
    }

    @Override
    public Reply answer(Head head, byte[] body) {
      return reply(endpoint.answer(head.path(), head.headers(), body, head.from(), head.arrived()));
    }

    private static Reply reply(EventsEndpoint.Answer a) {
      return new Reply(a.status(), a.contentType(), a.body(), a.headers());
    }
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
