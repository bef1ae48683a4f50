package dev.claude500.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.util.http.SlackHttpClient;
import com.slack.api.util.thread.DaemonThreadExecutorServiceProvider;
import com.slack.api.util.thread.ExecutorServiceProvider;
import dev.claude500.adapters.AdapterServices;
import dev.claude500.chat.ChatPort;
import dev.claude500.commands.Surface;
import dev.claude500.incidents.LinkPreviews;
import java.util.Objects;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack adapter: {@code /claude500} with a triage in a thread, answer buttons, thread replies,
 * ephemeral status and subscriptions, the "Triage with claude500" message shortcut, offers under
 * pasted errors, unfurls of links to incidents, and the Slack chat port for incident posts.
 *
 * <p>In HTTP mode the launcher's HTTP server hosts {@link #eventsEndpoint()} at {@link #EVENTS_PATH};
 * in Socket Mode ({@link SlackSettings#appToken()} set) {@link #start()} opens the connection itself. Every
 * Web API call, {@code auth.test} and {@code apps.connections.open} included, goes to
 * {@link SlackSettings#apiUrl()}.
 *
 * <p>Requests are acknowledged at once; the work behind them runs on a bounded pool of the
 * adapter's own. Thread-safe: {@link #start()} once, then everything from any thread.
 */
public final class SlackAdapter implements AutoCloseable {
  /** The platform's short name in channel refs and conversation keys. */
  public static final String PLATFORM = "slack";
  /** Where HTTP mode takes slash commands, interactivity and events. */
  public static final String EVENTS_PATH = "/slack/events";
  /**
   * What Slack can do: a triage in a thread, buttons, answers only the asker sees, offers under
   * pasted errors (the bot reads new messages), "Triage with claude500" in a message's menu.
   */
  static final Surface SURFACE = Surface.of(Surface.Ability.THREADS, Surface.Ability.BUTTONS,
      Surface.Ability.PRIVATE_ANSWERS, Surface.Ability.READS_MESSAGES, Surface.Ability.MESSAGE_MENU,
      Surface.Ability.CHANNEL_MENTIONS);

  private static final Logger LOG = LoggerFactory.getLogger(SlackAdapter.class);
  /** How long a Web API answer may take. */
  private static final java.time.Duration READ_TIMEOUT = java.time.Duration.ofSeconds(10);

  private final SlackSettings settings;
  private final AdapterServices services;
  private final Slack slack;
  private final WebApi web;
  private final Worker worker;
  private final Prompts prompts = new Prompts();
  private final SlackChatPort chatPort;
  private final Optional<EventsEndpoint> endpoint;
  private volatile App app;
  private volatile SocketModeConnection socket;
  private volatile Registrar.Registered registered;

  /** Creates an adapter, not yet started, that runs its work as {@code tuning} says; tests name the tuning. */
  SlackAdapter(SlackSettings settings, AdapterServices services, Tuning tuning) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.services = Objects.requireNonNull(services, "services");
    this.slack = slack(settings.apiUrl(), READ_TIMEOUT, tuning.slackThreads());
    this.web = new WebApi(slack, settings.botToken(), tuning.retries(), services.metrics());
    this.worker = new Worker(tuning.threads(), tuning.queue());
    // the outbox sends through the chat port and waits out each Retry-After per channel itself
    this.chatPort = new SlackChatPort(new WebApi(slack, settings.botToken(), tuning.retries().handingBackWaits(),
        services.metrics()), prompts);
    this.endpoint = settings.socketMode() ? Optional.empty()
        : Optional.of(new EventsEndpoint(new RequestSignature(settings.signingSecret().orElseThrow(), services.clock()),
            services.clock(), services.metrics()));
  }

  /** Returns an adapter, not yet started, with the {@link Tuning#DEFAULT default tuning}. */
  public static SlackAdapter create(SlackSettings settings, AdapterServices services) {
    return new SlackAdapter(settings, services, Tuning.DEFAULT);
  }

  /**
   * Learns who the bot is ({@code auth.test}), registers the listeners and, in Socket Mode, connects.
   *
   * @throws IllegalStateException when Slack cannot be reached (after the retries {@link WebApi}
   *     makes), refuses the bot token, or Socket Mode cannot connect; the message says which
   */
  public void start() throws Exception {
    AuthTestResponse me;
    try {
      me = web.authTest();
    } catch (SlackCallException e) {
      throw new IllegalStateException(StartProblem.of(e, settings.apiUrl()), e);
    }
    chatPort.knowTeam(me.getTeamId());
    services.outbox().register(chatPort);
    ThreadPosts threads = new ThreadPosts(web, prompts, services.outbox());
    UserNames names = new UserNames(web::displayName);
    MessageTriage messageTriage = new MessageTriage(services, web, threads, names,
        new MessageTriage.BotIdentity(me.getUserId(), me.getBotId(), me.getUser()));
    BoltApp.Built bolt = BoltApp.build(slack, settings, services.metrics(),
        new CommandListener(services, worker, web, threads, names, me.getUser()),
        new AnswerButton(services, worker, web, threads, names),
        new HitButtonListener(services, chatPort, worker, web),
        new ThreadReplyListener(services, worker, web, threads, names, new Snippets(web::fileText), me.getUserId()),
        new MessageListeners(new TriageShortcut(services, worker, web, messageTriage, names),
            new PasteOffers(services, worker, web, me.getUserId()),
            new OfferButton(services, worker, web, messageTriage, names)),
        new LinkUnfurls(new LinkPreviews(services.status()), worker, web), new AppHome(services, worker, web));
    App built = bolt.app();
    registered = bolt.registered();
    built.start();
    app = built;
    if (settings.socketMode()) {
      SocketModeConnection connection = new SocketModeConnection(settings.appToken().orElseThrow(), built);
      socket = connection;
      connection.start();
    } else {
      endpoint.orElseThrow().serve(built);
    }
    LOG.info("Slack: signed in as @{} ({}) in {}, {}", me.getUser(), me.getUserId(), me.getTeam(),
        settings.socketMode() ? "Socket Mode" : "HTTP mode on " + EVENTS_PATH);
  }

  /** Returns what the app answers (commands, block actions, shortcuts, events), once started. */
  Optional<Registrar.Registered> registered() {
    return Optional.ofNullable(registered);
  }

  /** Returns true in Socket Mode. */
  public boolean socketMode() {
    return settings.socketMode();
  }

  /**
   * Returns what answers {@link #EVENTS_PATH} in HTTP mode (empty in Socket Mode), for the HTTP
   * server to host. It answers 503 until {@link #start()} has run.
   */
  public Optional<EventsEndpoint> eventsEndpoint() {
    return endpoint;
  }

  /** Returns the Slack chat port (incident posts, idle-triage summaries). */
  public ChatPort chatPort() {
    return chatPort;
  }

  /**
   * Returns true once started and, in Socket Mode, while at least one connection is open (a refresh's
   * new connection and retired one overlap, so readiness follows the live one).
   */
  public boolean isReady() {
    SocketModeConnection s = socket;
    return app != null && (s == null || s.isConnected());
  }

  /**
   * Stops taking requests, the first step of a graceful stop: Socket Mode disconnects, and in HTTP
   * mode {@link #EVENTS_PATH} answers 503. Work already taken goes on, and the chat port keeps
   * posting, until {@link #close()}. Never throws.
   */
  public void stopTaking() {
    endpoint.ifPresent(EventsEndpoint::stopTaking);
    SocketModeConnection s = socket;
    if (s != null) {
      s.close();
    }
  }

  /**
   * Stops taking requests, lets queued work finish for a few seconds, releases the HTTP client;
   * never throws. Triage replies not delivered yet stay in the outbox.
   */
  @Override
  public void close() {
    stopTaking();
    App a = app;
    if (a != null) {
      a.stop();
      a.executorService().shutdownNow();
    }
    worker.close();
    try {
      slack.close();
    } catch (Exception e) {
      LOG.debug("closing the Slack client: {}", e.toString());
    }
  }

  /** A Slack client on {@code apiUrl} whose HTTP client never repeats a request by itself. */
  static Slack slack(String apiUrl) {
    return slack(apiUrl, READ_TIMEOUT);
  }

  /**
   * A Slack client on {@code apiUrl} whose HTTP client never repeats a request by itself and gives
   * up on an answer after {@code readTimeout} (a whole call after twice that).
   */
  static Slack slack(String apiUrl, java.time.Duration readTimeout) {
    return slack(apiUrl, readTimeout, DaemonThreadExecutorServiceProvider.getInstance());
  }

  private static Slack slack(String apiUrl, java.time.Duration readTimeout, ExecutorServiceProvider threads) {
    int read = Math.toIntExact(readTimeout.toMillis());
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(apiUrl);
    config.setStatsEnabled(false);
    config.setExecutorServiceProvider(threads);
    config.setHttpClientReadTimeoutMillis(read);
    config.setHttpClientWriteTimeoutMillis(read);
    config.setHttpClientCallTimeoutMillis(2 * read);
    OkHttpClient http = SlackHttpClient.buildOkHttpClient(config).newBuilder()
        .retryOnConnectionFailure(false)
        .connectTimeout(java.time.Duration.ofSeconds(5))
        .build();
    SlackHttpClient client = new SlackHttpClient(http);
    client.setConfig(config);
    return Slack.getInstance(config, client);
  }

  /**
   * How the adapter runs its work.
   *
   * @param threads worker threads
   * @param queue tasks that may wait for a thread
   * @param retries how Web API calls are retried
   * @param slackThreads where Slack's client makes its own threads (Socket Mode's among them)
   */
  record Tuning(int threads, int queue, RetryPolicy retries, ExecutorServiceProvider slackThreads) {
    /** Eight threads; a queue that takes a burst of 500 commands at once without telling anyone "busy". */
    static final Tuning DEFAULT = new Tuning(8, 1024, RetryPolicy.DEFAULT,
        DaemonThreadExecutorServiceProvider.getInstance());

    Tuning {
      Objects.requireNonNull(slackThreads, "slackThreads");
    }
  }
}
