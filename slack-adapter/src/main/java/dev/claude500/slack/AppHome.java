package dev.claude500.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.view.View;
import dev.claude500.adapters.AdapterServices;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.Reply;
import dev.claude500.commands.Answer;
import dev.claude500.commands.Commands;
import dev.claude500.commands.Subscription;
import dev.claude500.stats.StatsReport;
import dev.claude500.stats.StatsText;
import dev.claude500.stats.StatsWindow;
import dev.claude500.status.KnownComponents;
import dev.claude500.status.StatusView;
import dev.claude500.triage.TriageRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The App Home tab ({@code app_home_opened} → {@code views.publish}), made for the person who opened
 * it: the status page now, their open triages with links to them, the channels subscribed to
 * incident posts and what each takes, and the workspace's 30-day stats with the chart. The event is
 * acknowledged at once; the view is made and published on the worker. The chart is uploaded
 * privately ({@link WebApi#upload}) and shown by its file id; one upload serves a workspace's
 * views for {@link #CHART_REUSE}, so opening the tab again does not upload again.
 */
final class AppHome {
  /** How long an uploaded chart is shown before a new one is drawn. */
  static final Duration CHART_REUSE = Duration.ofMinutes(15);
  /** Open triages listed at most. */
  static final int MAX_TRIAGES = 10;
  /** Subscriptions listed at most (a home view holds 100 blocks). */
  static final int MAX_SUBSCRIPTIONS = 20;

  /** Said in place of the person's triages and the stats while the workspace cannot be told. */
  static final String NOT_KNOWN_YET = "*Your open triages and the team stats* cannot be shown just now."
      + " Open this tab again in a moment.";

  private static final Logger LOG = LoggerFactory.getLogger(AppHome.class);

  private final AdapterServices services;
  private final Worker worker;
  private final WebApi web;
  private final Map<String, UploadedChart> charts = new ConcurrentHashMap<>();

  private record UploadedChart(String fileId, String title, Instant at) {}

  AppHome(AdapterServices services, Worker worker, WebApi web) {
    this.services = Objects.requireNonNull(services, "services");
    this.worker = Objects.requireNonNull(worker, "worker");
    this.web = Objects.requireNonNull(web, "web");
  }

  /** Handles {@code app_home_opened}: acknowledged at once, the Home tab published after. */
  Response onOpened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext context) {
    AppHomeOpenedEvent e = payload.getEvent();
    if (e != null && ChannelRef.isValidId(e.getUser()) && ChannelRef.isValidId(e.getChannel())
        && (e.getTab() == null || e.getTab().equals("home"))) {
      worker.offer("App Home of " + e.getUser(), () -> publish(e.getUser(), e.getChannel()), failure -> { });
    }
    return context.ack();
  }

  /**
   * Makes and publishes the Home tab of {@code userId}, who opened it in the app's channel {@code
   * channelId}. When Slack refuses the view with the chart (a file it has not processed yet), the
   * chart is forgotten and the tab published without it.
   */
  void publish(String userId, String channelId) {
    Commands commands = services.commands();
    Optional<String> workspace = commands.stats().workspaceOf(new ChannelRef(SlackAdapter.PLATFORM, channelId));
    List<LayoutBlock> blocks = new ArrayList<>(StatusMessages.status(
        StatusView.of(services.status().peek(), services.clock())).blocks());
    if (workspace.isEmpty()) {
      blocks.addAll(new MessageBuilder().section(subscriptions()).section(NOT_KNOWN_YET).build("").blocks());
      publish(userId, blocks);
      return;
    }
    String w = workspace.get();
    blocks.addAll(new MessageBuilder().section(triages(w, userId)).section(subscriptions()).build("").blocks());
    StatsReport report = commands.stats().report(w, StatsWindow.DAYS_30);
    blocks.addAll(SlackMessages.render(new Reply.Message(StatsText.of(report))).blocks());
    Optional<UploadedChart> chart = chart(w, report);
    if (chart.isEmpty()) {
      publish(userId, blocks);
      return;
    }
    List<LayoutBlock> withChart = new ArrayList<>(blocks);
    withChart.add(SlackStats.image(chart.get().fileId(), chart.get().title()));
    if (!SlackStats.sentWithChart("the App Home of " + userId, chart.get().fileId(), () -> publish(userId, withChart),
        () -> publish(userId, blocks))) {
      charts.remove(w, chart.get()); // the chart was what Slack refused: the next opening uploads a new one
    }
  }

  private void publish(String userId, List<LayoutBlock> blocks) {
    web.publishHome(userId, View.builder().type("home").blocks(blocks.subList(0, Math.min(blocks.size(), 100)))
        .build());
  }

  private String triages(String workspace, String userId) {
    List<TriageRecord> open = services.commands().stats().openBy(workspace, userId, MAX_TRIAGES);
    if (open.isEmpty()) {
      return "*Your open triages:* none.";
    }
    return "*Your open triages:*\n" + open.stream().map(t -> "• " + link(t) + " started "
        + t.startedAt().atOffset(ZoneOffset.UTC).toLocalDateTime().withNano(0) + " UTC"
        + t.branch().map(b -> ", " + SlackMarkdown.escape(b)).orElse(""))
        .collect(Collectors.joining("\n"));
  }

  private String link(TriageRecord t) {
    if (!t.key().platform().equals(SlackAdapter.PLATFORM)) {
      return "a triage on " + SlackMarkdown.escape(t.key().platform());
    }
    return web.permalink(t.key().channel(), t.key().thread())
        .map(url -> SlackMarkdown.link(url, "triage in <#" + t.key().channel() + ">"))
        .orElse("triage in <#" + t.key().channel() + ">");
  }

  private String subscriptions() {
    List<Subscription> all = services.store().subscriptions().all().stream()
        .filter(s -> s.channel().platform().equals(SlackAdapter.PLATFORM)).toList();
    if (all.isEmpty()) {
      return "*Channels subscribed to incident posts:* none. `/claude500 subscribe` in a channel adds one.";
    }
    String more = all.size() > MAX_SUBSCRIPTIONS ? "\n• and " + (all.size() - MAX_SUBSCRIPTIONS) + " more" : "";
    return "*Channels subscribed to incident posts:*\n" + all.stream().limit(MAX_SUBSCRIPTIONS)
        .map(s -> "• <#" + s.channel().channelId() + ">: " + components(s) + ", by <@" + s.subscribedBy()
            + "> since " + LocalDate.ofInstant(s.since(), ZoneOffset.UTC))
        .collect(Collectors.joining("\n")) + more;
  }

  private static String components(Subscription s) {
    if (s.allComponents()) {
      return "every incident";
    }
    return "incidents touching " + s.componentIds().stream().sorted()
        .map(id -> SlackMarkdown.escape(KnownComponents.name(id).orElse(id))).collect(Collectors.joining(", "));
  }

  /** Returns the workspace's chart, uploaded now or within {@link #CHART_REUSE}; empty when it cannot be. */
  private Optional<UploadedChart> chart(String workspace, StatsReport report) {
    Instant now = services.clock().instant();
    UploadedChart recent = charts.get(workspace);
    if (recent != null && recent.at().plus(CHART_REUSE).isAfter(now)) {
      return Optional.of(recent);
    }
    Optional<Answer.Chart> drawn = Commands.chart(report);
    if (drawn.isEmpty()) {
      return Optional.empty();
    }
    try {
      Answer.Chart c = drawn.get();
      UploadedChart up = new UploadedChart(web.upload(c.fileName(), c.title(), c.png(), Optional.empty(),
          Optional.empty()), c.title(), now);
      charts.put(workspace, up);
      return Optional.of(up);
    } catch (SlackCallException e) {
      LOG.warn("App Home chart not uploaded: {}", e.getMessage());
      return Optional.empty();
    }
  }
}
