package dev.sevzero.sla.chart;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sevzero.incident.UpdateCompliance;
import dev.sevzero.sla.IncidentFacts;
import dev.sevzero.sla.SlaCalculator;
import dev.sevzero.sla.SlaPolicy;
import dev.sevzero.sla.SlaReport;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ResponseTimeChartTest {

  static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  static final Instant NOV_2 = Instant.parse("2026-11-02T17:00:00Z");

  final SlaCalculator calculator =
      new SlaCalculator(
          new SlaPolicy(ofMinutes(15), ofMinutes(20), ZoneId.of("America/Los_Angeles")),
          Clock.fixed(Instant.parse("2026-11-20T00:00:00Z"), ZoneOffset.UTC));

  @Test
  void rendersAPngHeadless() throws IOException {
    List<IncidentFacts> incidents = new ArrayList<>();
    int[] minutes = {3, 7, 12, 18, 40};
    for (int index = 0; index < minutes.length; index++) {
      incidents.add(incident(index + 1, ofMinutes(minutes[index])));
    }
    incidents.add(incident(6, null));

    byte[] png = ResponseTimeChart.png(calculator.report(YearMonth.of(2026, 11), incidents, null));

    assertThat(GraphicsEnvironment.isHeadless()).isTrue();
    assertThat(png).startsWith(PNG_SIGNATURE);
    assertThat(png.length).isGreaterThan(10_000);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(1000);
    assertThat(image.getHeight()).isEqualTo(500);
  }

  @Test
  void rendersAnEmptyMonth() {
    SlaReport empty = calculator.report(YearMonth.of(2026, 11), List.of(), null);

    assertThat(ResponseTimeChart.png(empty)).startsWith(PNG_SIGNATURE);
    assertThat(ResponseTimeChart.fileName(empty)).isEqualTo("sla-2026-11-response-times.png");
  }

  private static IncidentFacts incident(long id, Duration response) {
    Instant started = NOV_2.plus(Duration.ofHours(id));
    return new IncidentFacts(
        id,
        "Incident " + id,
        "sev1",
        false,
        started,
        started,
        response == null ? null : started.plus(response),
        response == null ? null : "U1",
        response,
        started.plus(Duration.ofHours(2)),
        "C" + id,
        UpdateCompliance.NONE);
  }
}
