package dev.claude500.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.LinkSharedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import dev.claude500.metrics.BotMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.regex.Pattern;

/**
 * Builds the Bolt {@link App}: the one place where every listener is registered (through a {@link
 * Registrar}, which remembers them for the manifest check). Bolt's default
 * middleware is left out on purpose: signatures are checked by {@link EventsEndpoint} before Bolt
 * sees a request, the bot's identity comes from one {@code auth.test} at start instead of one per
 * request, and the listeners skip the bot's own messages themselves (Bolt's filter may call
 * {@code bots.info} before acknowledging). The one middleware there is times each request from
 * Bolt's receipt to its acknowledgement (the listeners acknowledge before any slow work).
 */
final class BoltApp {
  /** Any slash command of this app: the manifest names it {@code /claude500}, a team may rename it. */
  private static final Pattern ANY_COMMAND = Pattern.compile("/.+");

  private BoltApp() {}

  /**
   * An app and what it answers.
   *
   * @param app the app
   * @param registered its listeners
   */
  record Built(App app, Registrar.Registered registered) {}

  static Built build(Slack slack, SlackSettings settings, BotMetrics metrics, CommandListener command,
      AnswerButton answer, HitButtonListener hit, ThreadReplyListener replies, MessageListeners messages,
      LinkUnfurls unfurls, AppHome home) {
    AppConfig config = AppConfig.builder()
        .slack(slack)
        // Bolt hands its own to the Slack client otherwise, replacing the one the adapter chose
        .executorServiceProvider(slack.getConfig().getExecutorServiceProvider())
        .singleTeamBotToken(settings.botToken())
        .signingSecret(settings.signingSecret().orElse(null))
        .clientId(null)
        .clientSecret(null)
        .sslCheckEnabled(false)
        .requestVerificationEnabled(false)
        .ignoringSelfEventsEnabled(false)
        .allEventsApiAutoAckEnabled(true)
        .subtypedMessageEventsAutoAckEnabled(true)
        .threadPoolSize(1)
        .build();
    App app = new App(config, slack, new ArrayList<>());
    app.asOAuthApp(false);
    app.use((request, response, chain) -> {
      long start = System.nanoTime();
      try {
        return chain.next(request);
      } finally {
        metrics.ack(SlackAdapter.PLATFORM, request.getRequestType().name(), Duration.ofNanos(System.nanoTime() - start));
      }
    });
    Registrar listeners = new Registrar(app)
        .command(ANY_COMMAND, command)
        .blockAction(SlackMessages.ANSWER_ACTIONS, answer)
        .blockAction(Pattern.compile(Pattern.quote(HitButtonListener.ACTION)), hit)
        .messageShortcut(TriageShortcut.CALLBACK_ID, messages.shortcut())
        .blockAction(Pattern.compile(Pattern.quote(PasteOffers.ACTION)), messages.offerButton())
        // one listener per event type in Bolt: a message event goes to the offers, then to the thread replies
        .event(MessageEvent.class, (payload, context) -> {
          messages.offers().consider(payload.getEvent());
          return replies.onMessage(payload, context);
        })
        .event(MessageThreadBroadcastEvent.class, replies::onBroadcast)
        .event(MessageFileShareEvent.class, replies::onFileShare)
        .event(LinkSharedEvent.class, unfurls::onLinkShared)
        .event(AppHomeOpenedEvent.class, home::onOpened);
    return new Built(app, listeners.registered());
  }
}
