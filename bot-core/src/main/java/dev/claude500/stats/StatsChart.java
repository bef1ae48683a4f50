package dev.claude500.stats;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeTableXYDataset;

/**
 * Draws a {@link StatsReport} as a PNG: triages started per day (UTC), stacked by branch, over the
 * page's incidents as shaded spans (overlapping incidents shade one span). Drawn with JFreeChart in headless mode (no display needed: the
 * first use sets {@code java.awt.headless=true} unless the process chose otherwise). Thread-safe:
 * each call draws its own chart.
 */
public final class StatsChart {
  /** The width of the picture in pixels. */
  public static final int WIDTH = 1000;
  /** The height of the picture in pixels. */
  public static final int HEIGHT = 500;
  /** The name the picture is uploaded and saved under. */
  public static final String FILE_NAME = "claude500-stats.png";

  /** zlib level: 9 (the default) takes several times as long for a few percent less. */
  private static final int PNG_COMPRESSION = 4;
  private static final TimeZone UTC = TimeZone.getTimeZone(ZoneOffset.UTC);
  private static final Color INCIDENT = new Color(214, 39, 40, 40);
  private static final Color[] BRANCH_COLOURS = {
    new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(148, 103, 189),
    new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127), new Color(188, 189, 34)};

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private StatsChart() {}

  /** Returns the report drawn as a PNG of {@link #WIDTH} by {@link #HEIGHT} pixels. */
  public static byte[] png(StatsReport report) {
    JFreeChart chart = chart(report);
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT, false, PNG_COMPRESSION);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot draw the stats chart", e);
    }
    return out.toByteArray();
  }

  private static JFreeChart chart(StatsReport report) {
    TimeTableXYDataset perDay = new TimeTableXYDataset(UTC, Locale.ROOT);
    for (StatsReport.Day day : report.days()) {
      Day period = new Day(Date.from(day.day().atStartOfDay(ZoneOffset.UTC).toInstant()), UTC, Locale.ROOT);
      for (Map.Entry<String, Integer> e : day.byBranch().entrySet()) {
        perDay.add(period, e.getValue(), e.getKey(), false);
      }
    }
    DateAxis time = new DateAxis("day (UTC)");
    time.setTimeZone(UTC);
    time.setRange(Date.from(report.from()), Date.from(report.to()));
    NumberAxis count = new NumberAxis("triages started");
    count.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    StackedXYBarRenderer bars = new StackedXYBarRenderer(0.15);
    bars.setBarPainter(new StandardXYBarPainter());
    bars.setShadowVisible(false);
    bars.setDrawBarOutline(false);
    for (int i = 0; i < perDay.getSeriesCount(); i++) {
      bars.setSeriesPaint(i, BRANCH_COLOURS[i % BRANCH_COLOURS.length]);
    }
    XYPlot plot = new XYPlot(perDay, time, count, bars);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.setDomainGridlinesVisible(false);
    for (long[] span : merged(report.spans())) {
      IntervalMarker shade = new IntervalMarker(span[0], span[1], INCIDENT, new BasicStroke(1f), null, null, 1f);
      plot.addDomainMarker(shade, Layer.BACKGROUND);
    }
    plot.setNoDataMessage("No triages in this window");
    String title = "claude500: triages per day by branch, last " + report.window().days() + " days";
    JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
    chart.addSubtitle(new TextTitle(report.triages() + " triages; shaded: " + report.spans().size()
        + " incidents on the status page", new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(false); // bars and spans are rectangles; text stays smooth
    chart.setTextAntiAlias(true);
    return chart;
  }

  /** Returns the spans as epoch-millisecond intervals, overlapping ones merged: one shade each, however many incidents. */
  private static List<long[]> merged(List<StatsReport.IncidentSpan> spans) {
    List<long[]> out = new ArrayList<>();
    spans.stream().sorted(Comparator.comparing(StatsReport.IncidentSpan::start)).forEach(s -> {
      long start = s.start().toEpochMilli();
      long end = Math.max(start, s.end().toEpochMilli());
      long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && start <= last[1]) {
        last[1] = Math.max(last[1], end);
      } else {
        out.add(new long[] {start, end});
      }
    });
    return out;
  }
}
