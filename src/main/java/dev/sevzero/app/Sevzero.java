package dev.sevzero.app;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.sevzero.config.Config;
import dev.sevzero.followups.FollowupNudges;
import dev.sevzero.followups.FollowupService;
import dev.sevzero.http.Health;
import dev.sevzero.http.Probes;
import dev.sevzero.http.Router;
import dev.sevzero.http.WebServer;
import dev.sevzero.incident.IncidentRepository;
import dev.sevzero.incident.IncidentService;
import dev.sevzero.incident.MessageCapture;
import dev.sevzero.incident.Severity;
import dev.sevzero.metrics.CountingRotationListener;
import dev.sevzero.metrics.CountingUpdateDues;
import dev.sevzero.metrics.DeliveryBacklog;
import dev.sevzero.metrics.IncidentMetrics;
import dev.sevzero.metrics.prometheus.MetricsEndpoint;
import dev.sevzero.metrics.prometheus.PrometheusMetrics;
import dev.sevzero.notion.NotionPublisher;
import dev.sevzero.persistence.Database;
import dev.sevzero.persistence.DatabaseTransactions;
import dev.sevzero.persistence.JdbcCapturedMessageRepository;
import dev.sevzero.persistence.JdbcFollowupRepository;
import dev.sevzero.persistence.JdbcIncidentRepository;
import dev.sevzero.persistence.JdbcPublishedPages;
import dev.sevzero.persistence.JdbcRotationRepository;
import dev.sevzero.persistence.JdbcSlaRepository;
import dev.sevzero.persistence.JdbcUpdateDueRepository;
import dev.sevzero.postmortem.PostMortemPublisher;
import dev.sevzero.postmortem.PostMortems;
import dev.sevzero.rotation.OncallService;
import dev.sevzero.rotation.RotationJobs;
import dev.sevzero.scheduling.Scheduler;
import dev.sevzero.scheduling.quartz.QuartzCronCalendar;
import dev.sevzero.scheduling.quartz.QuartzScheduler;
import dev.sevzero.sla.SlaCsv;
import dev.sevzero.sla.SlaPolicy;
import dev.sevzero.sla.SlaReports;
import dev.sevzero.slack.AckFirst;
import dev.sevzero.slack.AckTimer;
import dev.sevzero.slack.SlackApp;
import dev.sevzero.slack.SlackMessenger;
import dev.sevzero.slack.SlackWork;
import dev.sevzero.slack.incident.FollowupCommands;
import dev.sevzero.slack.incident.IncidentCommands;
import dev.sevzero.slack.incident.IncidentInteractions;
import dev.sevzero.slack.incident.IncidentRoom;
import dev.sevzero.slack.incident.PostMortemRoom;
import dev.sevzero.slack.incident.SlackOverdueReminder;
import dev.sevzero.slack.incident.SlackUpdatePrompts;
import dev.sevzero.slack.incident.TimelineShortcut;
import dev.sevzero.slack.oncall.HandoffBriefings;
import dev.sevzero.slack.oncall.OncallCommands;
import dev.sevzero.slack.oncall.OncallInteractions;
import dev.sevzero.slack.oncall.OncallUsergroup;
import dev.sevzero.slack.oncall.SlackRotationListener;
import dev.sevzero.slack.sla.SlaCommands;
import dev.sevzero.slack.sla.SlaUploads;
import dev.sevzero.slack.transport.SlackClients;
import dev.sevzero.slack.transport.SlackEvents;
import dev.sevzero.slack.transport.SlackGateway;
import dev.sevzero.slack.transport.SocketModeRunner;
import dev.sevzero.updates.UpdateCadence;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every part from the configuration and a clock, starts and stops
 * them.
 */
public final class Sevzero implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Sevzero.class);
  // Slack work is almost all waiting on Slack, so each thread makes about 1/latency calls a second:
  // 32 post 1,000 update prompts falling due within half a second in under a second
  // (CadenceBench), and AckFirst keeps them from slowing acknowledgements down (AckBench).
  private static final int SLACK_THREADS = 32;
  // Long enough for a burst of commands to be answered, short enough not to hold up what follows.
  private static final Duration ACK_FIRST_PATIENCE = Duration.ofMillis(100);
  // A probe must be answered within a second (SPEC §13).
  private static final Duration DATABASE_PROBE_PATIENCE = Duration.ofMillis(800);
  // A delivery pending this long is stuck, not waiting out a 429 (SPEC §13).
  private static final Duration STUCK_DELIVERY = Duration.ofMinutes(5);

  private final Database database;
  private final SlackWork work;
  private final IncidentService incidents;
  private final OncallService oncall;
  private final Scheduler scheduler;
  private final UpdateCadence cadence;
  private final App app;
  private final WebServer http;
  private final PrometheusMetrics metrics;
  // Until the deliveries outbox (SPEC §14) stores effects apart from their change, none is pending.
  private final DeliveryBacklog deliveries = DeliveryBacklog.NONE;
  private final SocketModeRunner socketMode;
  private final AlertsAndPages alertsAndPages;

  private Sevzero(Config config, Clock clock) throws Exception {
    database = Database.open(config.databaseUrl());
    DatabaseTransactions transactions = new DatabaseTransactions(database);
    IncidentRepository incidentRepository = new JdbcIncidentRepository(database);
    metrics =
        new PrometheusMetrics(
            BuildVersion.current(),
            Arrays.stream(Severity.values()).map(Severity::code).toList(),
            () -> openBySeverity(incidentRepository),
            deliveries);
    Slack slack = SlackClients.create(config.slackApiUrl(), SLACK_THREADS, metrics);
    AckFirst ackFirst = new AckFirst(ACK_FIRST_PATIENCE);
    SlackGateway gateway =
        new SlackGateway(SlackClients.methods(slack, config.botToken()), ackFirst);
    SlackMessenger messenger = new SlackMessenger(gateway);
    work = new SlackWork(SLACK_THREADS, ackFirst);
    scheduler = new QuartzScheduler(clock, Clock.systemUTC(), metrics::scheduledWorkRan);
    Set<String> admins = Set.copyOf(config.admins());
    Predicate<String> isAdmin = user -> admins.isEmpty() || admins.contains(user);
    SlaPolicy sla = new SlaPolicy(config.slaTarget(), config.slaCeiling(), config.slaTimezone());
    SlaReports slaReports = new SlaReports(new JdbcSlaRepository(database), sla, clock);

    Optional<OncallUsergroup> usergroup =
        config
            .oncallUsergroup()
            .map(group -> new OncallUsergroup(messenger, group, this::onCallNow));
    oncall =
        new OncallService(
            new JdbcRotationRepository(database),
            new QuartzCronCalendar(config.rotationCron(), config.rotationTimezone()),
            clock,
            new CountingRotationListener(
                new SlackRotationListener(
                    messenger,
                    work,
                    new HandoffBriefings(incidentRepository, slaReports, config.slaTimezone()),
                    new SlackRotationListener.Settings(
                        config.oncallChannel(), usergroup, config.rotationTimezone())),
                metrics),
            config.admins());
    // Declaring pages whoever holds the pager at that moment, override included.
    incidents = new IncidentService(incidentRepository, transactions, oncall::onCallAt, clock);
    cadence =
        new UpdateCadence(
            new CountingUpdateDues(new JdbcUpdateDueRepository(database), metrics),
            incidents,
            scheduler,
            new SlackUpdatePrompts(messenger, incidents, work, clock),
            clock,
            config.updateInterval(),
            config.updateGrace());
    IncidentRoom room =
        new IncidentRoom(
            messenger,
            incidents,
            work,
            new IncidentRoom.Settings(config.incidentsChannel(), config.incidentResponders()),
            cadence::compliance);
    incidents.addListener(room);
    incidents.addListener(cadence);
    incidents.addListener(new IncidentMetrics(metrics, clock));

    JdbcFollowupRepository followupRepository = new JdbcFollowupRepository(database);
    FollowupService followups =
        new FollowupService(followupRepository, clock, config.slaTimezone());
    Optional<PostMortemPublisher> notion =
        config
            .notion()
            .map(
                settings ->
                    new NotionPublisher(
                        settings.apiUrl(), settings.token(), settings.parentPageId()));
    PostMortems postMortems =
        new PostMortems(
            incidents,
            followups,
            cadence::compliance,
            notion,
            new JdbcPublishedPages(database),
            duration -> Thread.sleep(duration.toMillis()),
            clock);
    // After the room: the post-mortem follows the resolution summary in the channel.
    PostMortemRoom postMortemRoom = new PostMortemRoom(messenger, work, postMortems);
    incidents.addListener(postMortemRoom);

    IncidentCommands incidentCommands =
        new IncidentCommands(incidents, cadence, gateway, work, clock, isAdmin);
    FollowupCommands followupCommands =
        new FollowupCommands(
            followups, incidents, incidentCommands, postMortemRoom, messenger, work);
    followupCommands.addTo(incidentCommands.registry());
    TimelineShortcut timelineShortcut =
        new TimelineShortcut(
            new MessageCapture(
                incidentRepository,
                new JdbcCapturedMessageRepository(database),
                transactions,
                clock),
            work);
    OncallCommands oncallCommands = new OncallCommands(oncall, isAdmin);
    SlaCommands slaCommands =
        new SlaCommands(
            slaReports,
            sla,
            new SlaUploads(messenger, work, new SlaCsv(sla.zone())),
            clock,
            range -> followupCommands.slaSection(range.start(), range.end()));
    app =
        SlackApp.create(
            AppConfig.builder()
                .singleTeamBotToken(config.botToken())
                .slack(slack)
                // HttpModeServer checks signatures itself, in both time directions and by our
                // clock; Bolt's own check reads the system clock and lets future timestamps
                // through.
                .requestVerificationEnabled(false)
                // Bolt runs auth.test when the App is built but stamps the answer as cached at time
                // 0, so it counts as expired: the first requests after start-up, and all requests
                // every 10 minutes after, would call auth.test before the ack (a slow Slack would
                // time the command out). A negative expiry keeps the start-up answer; a revoked
                // token still fails every Web API call.
                .authTestCacheExpirationMillis(-1)
                .build(),
            ackFirst,
            List.of(incidentCommands.registry(), oncallCommands.registry(), slaCommands.registry()),
            List.of(
                new IncidentInteractions(incidents, incidentCommands, work)::register,
                followupCommands::register,
                timelineShortcut::register,
                new OncallInteractions(oncall, work)::register));

    // A monotonic clock: an ack's duration must not jump with the wall clock.
    app.use(new AckTimer(metrics, System::nanoTime).middleware());
    socketMode = config.appToken().map(token -> new SocketModeRunner(app, token)).orElse(null);
    Router router = new Router();
    new Probes(readinessChecks()).routes(router);
    alertsAndPages =
        AlertsAndPages.wire(
            config.alerts(),
            database,
            transactions,
            incidents,
            messenger,
            work,
            router,
            metrics,
            clock);
    router.get(
        MetricsEndpoint.PATH, new MetricsEndpoint(metrics, config.operations().metricsToken()));
    if (socketMode == null) {
      // Before the port opens, so that a failure (Bolt calls auth.test here) leaves none bound.
      app.start();
      router.post(
          SlackEvents.PATH, new SlackEvents(app, config.signingSecret().orElseThrow(), clock));
    }
    http = new WebServer(router, config.port());
    // Before the Slack connection, so that a probe right after it finds the port open.
    http.start();
    if (socketMode != null) {
      try {
        socketMode.start();
      } catch (Exception e) {
        http.stop();
        alertsAndPages.close();
        throw e;
      }
    }
    room.resumeUnfinished();
    cadence.start();
    new RotationJobs(oncall, scheduler, config.rotationCron()).start();
    new FollowupNudges(
            followupRepository,
            new SlackOverdueReminder(messenger, work, followupCommands),
            clock,
            config.slaTimezone())
        .start(scheduler);
    usergroup.ifPresent(
        group -> {
          work.inParallel("sync the on-call user group", group::sync);
          scheduler.onCron(
              "oncall-usergroup",
              OncallUsergroup.EVERY_MINUTE,
              config.rotationTimezone(),
              group::sync);
        });
    log.info(
        "Sevzero is up: {} mode, probes on :{}/livez and /readyz",
        socketMode != null ? "Socket" : "HTTP",
        http.port());
  }

  /** What {@code /readyz} checks: the database answers, and in Socket Mode the socket is up. */
  private List<Supplier<Health>> readinessChecks() {
    return List.of(
        () ->
            database.reachable(DATABASE_PROBE_PATIENCE)
                ? Health.ok()
                : Health.unhealthy("the database does not answer"),
        // A bot whose socket the SDK gave up on hears nothing: say so, so that it gets restarted.
        () ->
            socketMode == null || socketMode.connected()
                ? Health.ok()
                : Health.unhealthy("the Socket Mode connection is not up"),
        () ->
            deliveries
                .oldestPendingAge()
                .filter(age -> age.compareTo(STUCK_DELIVERY) > 0)
                .map(age -> Health.unhealthy("a delivery has been pending for " + age))
                .orElse(Health.ok()));
  }

  private static Map<String, Long> openBySeverity(IncidentRepository incidents) {
    return incidents.open().stream()
        .collect(
            Collectors.groupingBy(incident -> incident.severity().code(), Collectors.counting()));
  }

  public static Sevzero start(Config config, Clock clock) throws Exception {
    return new Sevzero(config, clock);
  }

  public IncidentService incidents() {
    return incidents;
  }

  /** The rotation is built after its listener, which asks who is on call only later. */
  private Optional<String> onCallNow() {
    return oncall.onCallNow();
  }

  public OncallService oncall() {
    return oncall;
  }

  /** The port serving the probes and {@code /metrics} (and {@code /slack/events} in HTTP mode). */
  public int port() {
    return http.port();
  }

  /** Runs at once the scheduled work that is due by the clock (after the clock jumps). */
  public void runDue() {
    scheduler.runDue();
  }

  @Override
  public void close() {
    scheduler.close();
    try {
      if (socketMode != null) {
        socketMode.stop();
      }
    } catch (Exception e) {
      log.warn("Stopping Socket Mode: {}", e.getMessage());
    }
    http.stop();
    alertsAndPages.close();
    if (socketMode == null) {
      app.stop();
    }
    work.close();
    database.close();
    metrics.close();
  }
}
