package dev.sevzero.metrics.prometheus;

import dev.sevzero.deliveries.DeliveryBacklog;
import dev.sevzero.metrics.Metrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.core.metrics.Info;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * {@link Metrics} in Micrometer's Prometheus registry, with the JVM and process metrics beside
 * them. Names follow Prometheus conventions once exported: {@code sevzero.incidents.declared}
 * becomes {@code sevzero_incidents_declared_total}, a timer {@code sevzero.request.ack} becomes
 * {@code sevzero_request_ack_seconds}.
 */
public final class PrometheusMetrics implements Metrics, AutoCloseable {

  /** Bracketing the 15-minute SLA target and its 20-minute ceiling. */
  private static final Duration[] RESPONSE_BUCKETS = seconds(60, 300, 600, 900, 1200, 1800, 3600);

  /** Slack wants an answer within 3 seconds; our own target is 50 ms at the 99th percentile. */
  private static final Duration[] ACK_BUCKETS = {
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(3)
  };

  private static final List<String> UPDATE_OUTCOMES = List.of("on_time", "late", "missed");
  private static final List<String> ALERT_SOURCES = List.of("alertmanager", "grafana");
  private static final List<String> ALERT_OUTCOMES =
      List.of("declared", "updated", "duplicate", "rejected", "failed");

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Supplier<Map<String, Long>> openIncidents;
  private final Map<String, AtomicLong> openBySeverity = new LinkedHashMap<>();
  private final Timer responseTime;
  private final Timer ack;
  private final Counter handoffs;

  /**
   * How long a late run of scheduled work stays the scheduler lag's value: longer than any scrape
   * interval, so the on-time once-a-minute checks that follow it do not hide it from the alert.
   */
  static final Duration LATE_RUN_SHOWN_FOR = Duration.ofMinutes(5);

  private final RecentWorst schedulerLagSeconds;

  /**
   * @param severities the codes of every severity, so that each has its series from the start
   * @param openIncidents open incidents by severity code, read at each scrape
   * @param clock the clock scheduled work is due by: a late run stays visible {@link
   *     #LATE_RUN_SHOWN_FOR} by it
   */
  public PrometheusMetrics(
      String version,
      List<String> severities,
      Supplier<Map<String, Long>> openIncidents,
      DeliveryBacklog backlog,
      Clock clock) {
    this.openIncidents = openIncidents;
    this.schedulerLagSeconds = new RecentWorst(clock, LATE_RUN_SHOWN_FOR);
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    // A Micrometer gauge named *_info would lose its suffix; Prometheus's own Info keeps it.
    Info buildInfo =
        Info.builder()
            .name("sevzero_build_info")
            .help("The running build")
            .labelNames("version")
            .register(registry.getPrometheusRegistry());
    buildInfo.setLabelValues(version);

    for (String severity : severities) {
      AtomicLong open = new AtomicLong();
      openBySeverity.put(severity, open);
      Gauge.builder("sevzero.incidents.open", open, AtomicLong::get)
          .description("Incidents open now (drills included), by severity")
          .tag("severity", severity)
          .register(registry);
      for (String kind : List.of("real", "drill")) {
        declaredCounter(severity, kind);
      }
    }
    responseTime =
        Timer.builder("sevzero.response.time")
            .description("Declaration to first response (ack, role or update)")
            .serviceLevelObjectives(RESPONSE_BUCKETS)
            .register(registry);
    ack =
        Timer.builder("sevzero.request.ack")
            .description("A Slack request to its acknowledgement")
            .serviceLevelObjectives(ACK_BUCKETS)
            .register(registry);
    UPDATE_OUTCOMES.forEach(this::updateCounter);
    handoffs =
        Counter.builder("sevzero.handoffs").description("On-call handoffs").register(registry);
    ALERT_SOURCES.forEach(
        source -> ALERT_OUTCOMES.forEach(outcome -> alertCounter(source, outcome)));
    Gauge.builder("sevzero.deliveries.pending", backlog, DeliveryBacklog::pending)
        .description("Effects stored but not yet delivered")
        .register(registry);
    Gauge.builder(
            "sevzero.delivery.oldest.pending",
            backlog,
            b -> b.oldestPendingAge().map(age -> age.toMillis() / 1000.0).orElse(0.0))
        .description("How long the oldest pending delivery has waited")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder("sevzero.scheduler.lag", schedulerLagSeconds, RecentWorst::value)
        .description(
            "How late scheduled work ran after its due time: the latest run, unless one in the"
                + " last 5 minutes ran later")
        .baseUnit("seconds")
        .register(registry);
  }

  /** The Prometheus text exposition of every metric, open incidents read now. */
  public String scrape() {
    Map<String, Long> open = openIncidents.get();
    openBySeverity.forEach((severity, value) -> value.set(open.getOrDefault(severity, 0L)));
    return registry.scrape();
  }

  @Override
  public void incidentDeclared(String severity, boolean drill) {
    declaredCounter(severity, drill ? "drill" : "real").increment();
  }

  @Override
  public void responded(Duration time) {
    responseTime.record(time);
  }

  @Override
  public void updateOutcome(String outcome) {
    updateCounter(outcome).increment();
  }

  @Override
  public void handedOff() {
    handoffs.increment();
  }

  @Override
  public void externalCall(Target target, String method, String outcome) {
    Counter.builder("sevzero.external.calls")
        .description("Calls to Slack, PagerDuty and Notion, by method and outcome")
        .tag("target", target.name().toLowerCase(Locale.ROOT))
        .tag("method", method)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  @Override
  public void alertReceived(String source, String outcome) {
    alertCounter(source, outcome).increment();
  }

  @Override
  public void acknowledged(Duration time) {
    ack.record(time);
  }

  @Override
  public void scheduledWorkRan(Duration lag) {
    schedulerLagSeconds.record(Math.max(0, lag.toMillis()) / 1000.0);
  }

  private Counter declaredCounter(String severity, String kind) {
    return Counter.builder("sevzero.incidents.declared")
        .description("Incidents declared, by severity and kind (real or drill)")
        .tag("severity", severity)
        .tag("kind", kind)
        .register(registry);
  }

  private Counter updateCounter(String outcome) {
    return Counter.builder("sevzero.update.prompts")
        .description("Due stakeholder updates, by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }

  private Counter alertCounter(String source, String outcome) {
    return Counter.builder("sevzero.alerts.received")
        .description("Alert webhooks received, by source and outcome")
        .tag("source", source)
        .tag("outcome", outcome)
        .register(registry);
  }

  private static Duration[] seconds(long... values) {
    Duration[] durations = new Duration[values.length];
    for (int i = 0; i < values.length; i++) {
      durations[i] = Duration.ofSeconds(values[i]);
    }
    return durations;
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
