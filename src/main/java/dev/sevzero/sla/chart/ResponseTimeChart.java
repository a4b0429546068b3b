package dev.sevzero.sla.chart;

import dev.sevzero.sla.MeasuredResponse;
import dev.sevzero.sla.SlaPolicy;
import dev.sevzero.sla.SlaReport;
import dev.sevzero.text.Durations;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A PNG of the month's response times, one bar per incident in declaration order, against the
 * target and ceiling lines: where a manager would rather look than read.
 */
public final class ResponseTimeChart {

  static {
    // A server has no display; rendering must not try to reach one. This only takes effect if it
    // runs before anything initialises AWT, which nothing else in the bot does.
    System.setProperty("java.awt.headless", "true");
  }

  private static final int WIDTH = 1000;
  private static final int HEIGHT = 500;
  // Beyond this many bars the incident names overlap into noise; the bars still tell the story.
  private static final int MOST_LABELLED_BARS = 60;
  private static final Color MET = new Color(0x2e, 0x9e, 0x5b);
  private static final Color WITHIN_TOLERANCE = new Color(0xe8, 0xa3, 0x17);
  private static final Color BREACHED = new Color(0xd6, 0x36, 0x36);
  private static final Color AVERAGE = Color.DARK_GRAY;
  private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 220);
  private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 12);

  private ResponseTimeChart() {}

  /** The chart of {@code report} as PNG bytes. */
  public static byte[] png(SlaReport report) {
    JFreeChart chart = chart(report);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ChartUtils.writeChartAsPNG(png, chart, WIDTH, HEIGHT);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the SLA chart", e);
    }
    return png.toByteArray();
  }

  /** A file name for the upload, e.g. {@code sla-2026-11-response-times.png}. */
  public static String fileName(SlaReport report) {
    return "sla-" + report.month() + "-response-times.png";
  }

  private static JFreeChart chart(SlaReport report) {
    SlaPolicy policy = report.policy();
    List<MeasuredResponse> responses = report.responses();
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    for (MeasuredResponse response : responses) {
      dataset.addValue(minutes(response.time()), "response", label(response));
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            "Response times — " + report.monthName() + " (" + policy.zone().getId() + ")",
            null,
            "minutes",
            dataset);
    chart.removeLegend();
    chart.addSubtitle(new TextTitle(subtitle(report)));

    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.setRenderer(new BandedBarRenderer(responses, policy));
    plot.addRangeMarker(line(policy.target(), "target", MET.darker()));
    plot.addRangeMarker(line(policy.ceiling(), "ceiling", BREACHED));
    if (!report.isEmpty()) {
      // Labelled on the left: the average often sits close to the target or the ceiling.
      ValueMarker average = line(report.figures().average(), "average", AVERAGE);
      average.setLabelAnchor(RectangleAnchor.TOP_LEFT);
      average.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
      plot.addRangeMarker(average);
    }
    double highest = responses.stream().mapToDouble(r -> minutes(r.time())).max().orElse(0);
    plot.getRangeAxis().setRange(0, Math.max(highest, minutes(policy.ceiling())) * 1.1);
    plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_90);
    plot.getDomainAxis().setTickLabelsVisible(responses.size() <= MOST_LABELLED_BARS);
    return chart;
  }

  private static String label(MeasuredResponse response) {
    return response.incident().key() + (response.responded() ? "" : "*");
  }

  private static String subtitle(SlaReport report) {
    if (report.isEmpty()) {
      return "No incidents this month";
    }
    String subtitle =
        report.responses().size() + " incidents in declaration order, drills excluded";
    return report.neverResponded().isEmpty()
        ? subtitle
        : subtitle + "; * never responded: open time counted";
  }

  private static ValueMarker line(Duration level, String name, Color color) {
    ValueMarker marker =
        new ValueMarker(
            minutes(level),
            color,
            new BasicStroke(
                2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f));
    marker.setLabel(name + " " + Durations.format(level));
    marker.setLabelPaint(color);
    marker.setLabelFont(LABEL_FONT);
    marker.setLabelBackgroundColor(LABEL_BACKGROUND);
    marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
    return marker;
  }

  private static double minutes(Duration duration) {
    return duration.toMillis() / 60_000.0;
  }

  /** Colours each bar by the band its time falls in, so breaches stand out at a glance. */
  private static final class BandedBarRenderer extends BarRenderer {

    private final List<Paint> paints;

    BandedBarRenderer(List<MeasuredResponse> responses, SlaPolicy policy) {
      this.paints = responses.stream().map(response -> paint(response.time(), policy)).toList();
      setBarPainter(new StandardBarPainter());
      setShadowVisible(false);
      setMaximumBarWidth(0.05);
    }

    private static Paint paint(Duration time, SlaPolicy policy) {
      return switch (policy.verdictFor(time)) {
        case MET -> MET;
        case WITHIN_TOLERANCE -> WITHIN_TOLERANCE;
        case BREACHED -> BREACHED;
      };
    }

    @Override
    public Paint getItemPaint(int row, int column) {
      return paints.get(column);
    }
  }
}
