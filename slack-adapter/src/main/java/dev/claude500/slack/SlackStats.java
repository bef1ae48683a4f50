package dev.claude500.slack;

import com.slack.api.model.block.ImageBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.SlackFileObject;
import dev.claude500.commands.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows {@code stats} in Slack. The chart is uploaded the way Slack wants files now ({@link
 * WebApi#upload}). Asked with {@code public}, the upload is shared into the channel with the table
 * as its comment: one message everyone sees. Otherwise the upload stays private to the app and the
 * table comes back only to the person who asked (through the command's {@code response_url}) with
 * the chart in an image block that refers to the uploaded file. A chart that cannot be uploaded,
 * or shown, leaves the table, with a line saying so.
 */
final class SlackStats {
  /** Said under the table when Slack refused the answer with the chart. */
  static final String CHART_NOT_SHOWN = "The chart could not be shown this time.";

  private static final Logger LOG = LoggerFactory.getLogger(SlackStats.class);

  private final WebApi web;

  SlackStats(WebApi web) {
    this.web = Objects.requireNonNull(web, "web");
  }

  /**
   * Shows the answer: in {@code channelId} when it is public, else through {@code respond} to the
   * person only. {@code respond} throws {@link SlackCallException} when Slack does not take the
   * answer; one refused with the chart (Slack processes uploads after answering them, and refuses an
   * image block naming a file not processed yet) is sent again without it, with a line saying so.
   */
  void show(Answer.Stats stats, String channelId, Consumer<SlackMessage> respond) {
    SlackMessage table = SlackMessages.render(stats.table());
    if (stats.chart().isEmpty()) {
      if (stats.inPublic()) {
        web.postMessage(channelId, null, false, table);
      } else {
        respond.accept(table);
      }
      return;
    }
    Answer.Chart chart = stats.chart().get();
    String fileId;
    try {
      if (stats.inPublic()) {
        web.upload(chart.fileName(), chart.title(), chart.png(), Optional.of(channelId), Optional.of(table.text()));
        return;
      }
      fileId = web.upload(chart.fileName(), chart.title(), chart.png(), Optional.empty(), Optional.empty());
    } catch (SlackCallException e) {
      LOG.warn("stats chart not uploaded in {}: {}", channelId, e.getMessage());
      respond.accept(withNote(table, "The chart could not be uploaded: Slack answered `"
          + SlackMarkdown.escape(e.error()) + "`" + (e.isNotInChannel() ? " (invite me to this channel)." : ".")));
      return;
    }
    sentWithChart("the stats answer in " + channelId, fileId, () -> respond.accept(withImage(table, fileId,
        chart.title())), () -> respond.accept(withNote(table, CHART_NOT_SHOWN)));
  }

  /**
   * Sends something with an uploaded chart in it; when Slack refuses that for good (it processes
   * uploads after answering them, and refuses an image block naming a file not processed yet),
   * sends it without the chart. Returns false when the chart was left out.
   *
   * @param what what is sent, for the log
   * @throws SlackCallException when Slack refuses the send for now, or refuses it without the chart too
   */
  static boolean sentWithChart(String what, String fileId, Runnable withChart, Runnable without) {
    try {
      withChart.run();
      return true;
    } catch (SlackCallException e) {
      if (e.kind() != SlackCallException.Kind.PERMANENT) {
        throw e;
      }
      LOG.info("{} refused with the chart {}, sent without it: {}", what, fileId, e.getMessage());
      without.run();
      return false;
    }
  }

  /** Returns the table followed by an image block showing the uploaded file {@code fileId}. */
  static SlackMessage withImage(SlackMessage table, String fileId, String altText) {
    List<LayoutBlock> blocks = new ArrayList<>(table.blocks());
    blocks.add(image(fileId, altText));
    return new SlackMessage(table.text(), blocks);
  }

  /** Returns an image block of a file uploaded to Slack. */
  static ImageBlock image(String fileId, String altText) {
    return ImageBlock.builder().slackFile(SlackFileObject.builder().id(fileId).build())
        .altText(altText).title(PlainTextObject.builder().text(altText).build()).build();
  }

  private static SlackMessage withNote(SlackMessage table, String mrkdwn) {
    List<LayoutBlock> blocks = new ArrayList<>(table.blocks());
    blocks.add(MessageBuilder.contextBlock(mrkdwn, null));
    return new SlackMessage(table.text(), blocks);
  }
}
