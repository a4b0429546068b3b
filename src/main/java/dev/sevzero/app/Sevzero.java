package dev.sevzero.app;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.methods.response.auth.AuthTestResponse;
import dev.sevzero.config.Config;
import dev.sevzero.deliveries.DeliveryBacklog;
import dev.sevzero.deliveries.DeliveryHandler;
import dev.sevzero.deliveries.Dispatcher;
import dev.sevzero.followups.FollowupNudges;
import dev.sevzero.followups.FollowupService;
import dev.sevzero.http.Probes;
import dev.sevzero.http.Router;
import dev.sevzero.http.WebServer;
import dev.sevzero.incident.IncidentRepository;
import dev.sevzero.incident.IncidentService;
import dev.sevzero.incident.MessageCapture;
import dev.sevzero.incident.Severity;
import dev.sevzero.metrics.AfterCommitMetrics;
import dev.sevzero.metrics.CountingRotationListener;
import dev.sevzero.metrics.CountingUpdateDues;
import dev.sevzero.metrics.IncidentMetrics;
import dev.sevzero.metrics.Metrics;
import dev.sevzero.metrics.prometheus.MetricsEndpoint;
import dev.sevzero.metrics.prometheus.PrometheusMetrics;
import dev.sevzero.notion.NotionPublisher;
import dev.sevzero.persistence.Database;
import dev.sevzero.persistence.DatabaseTransactions;
import dev.sevzero.persistence.JdbcCapturedMessageRepository;
import dev.sevzero.persistence.JdbcDeliveries;
import dev.sevzero.persistence.JdbcFollowupRepository;
import dev.sevzero.persistence.JdbcIncidentRepository;
import dev.sevzero.persistence.JdbcPublishedPages;
import dev.sevzero.persistence.JdbcPunctuality;
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
import dev.sevzero.sla.PunctualitySource;
import dev.sevzero.sla.SlaCsv;
import dev.sevzero.sla.SlaPolicy;
import dev.sevzero.sla.SlaReports;
import dev.sevzero.slack.AckFirst;
import dev.sevzero.slack.AckTimer;
import dev.sevzero.slack.OutOfDate;
import dev.sevzero.slack.SlackApp;
import dev.sevzero.slack.SlackPeople;
import dev.sevzero.slack.SlackWork;
import dev.sevzero.slack.UnexpectedFailures;
import dev.sevzero.slack.command.People;
import dev.sevzero.slack.delivery.MessageDeliveries;
import dev.sevzero.slack.delivery.SlackOutbox;
import dev.sevzero.slack.incident.FollowupCommands;
import dev.sevzero.slack.incident.IncidentCommands;
import dev.sevzero.slack.incident.IncidentInteractions;
import dev.sevzero.slack.incident.IncidentRoom;
import dev.sevzero.slack.incident.PostMortemRoom;
import dev.sevzero.slack.incident.RoomDeliveries;
import dev.sevzero.slack.incident.SlackOverdueReminder;
import dev.sevzero.slack.incident.SlackUpdatePrompts;
import dev.sevzero.slack.incident.TimelineShortcut;
import dev.sevzero.slack.oncall.HandoffBriefings;
import dev.sevzero.slack.oncall.OncallCommands;
import dev.sevzero.slack.oncall.OncallInteractions;
import dev.sevzero.slack.oncall.OncallUsergroupSync;
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
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every part from the configuration and a clock, starts and stops
 * them.
 */
public final class Sevzero implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Sevzero.class);
  // Deliveries are almost all waiting on Slack, so each worker makes about 1/latency calls a
  // second: 32 post 1,000 update prompts falling due within half a second in under a second
  // (CadenceBench), and AckFirst keeps them from slowing acknowledgements down (AckBench).
  private static final int SLACK_THREADS = 32;
  // Long enough for a burst of commands to be answered, short enough not to hold up what follows.
  private static final Duration ACK_FIRST_PATIENCE = Duration.ofMillis(100);

  private final Config config;
  private final Database database;
  private final SlackWork work;
  private final Dispatcher dispatcher;
  private final JdbcDeliveries deliveries;
  private final IncidentService incidents;
  private final OncallService oncall;
  private final Scheduler scheduler;
  private final UpdateCadence cadence;
  private final App app;
  private final WebServer http;
  private final PrometheusMetrics metrics;
  private final SocketModeRunner socketMode;

  private Sevzero(Config config, Clock clock) throws Exception {
    this.config = config;
    database = Database.open(config.databaseUrl());
    DatabaseTransactions transactions = new DatabaseTransactions(database);
    // Retries and leases run on the wall clock: Slack's Retry-After is real time.
    Clock wallClock = Clock.systemUTC();
    deliveries = new JdbcDeliveries(database, wallClock);
    IncidentRepository incidentRepository = new JdbcIncidentRepository(database);
    metrics =
        new PrometheusMetrics(
            BuildVersion.current(),
            Arrays.stream(Severity.values()).map(Severity::code).toList(),
            () -> openBySeverity(incidentRepository),
            deliveries,
            clock);
    // What a change stores is counted once it has committed.
    Metrics committed = new AfterCommitMetrics(metrics, transactions);
    Slack slack = SlackClients.create(config.slackApiUrl(), SLACK_THREADS, metrics);
    AckFirst ackFirst = new AckFirst(ACK_FIRST_PATIENCE);
    SlackGateway gateway =
        new SlackGateway(SlackClients.methods(slack, config.botToken()), ackFirst);
    try {
      checkToken(gateway);
    } catch (RuntimeException e) {
      // Nothing else is running yet: the database is all there is to let go of.
      database.close();
      throw e;
    }
    work = new SlackWork(SLACK_THREADS, ackFirst);
    scheduler = new QuartzScheduler(clock, Clock.systemUTC(), metrics::scheduledWorkRan);
    Set<String> admins = Set.copyOf(config.admins());
    Predicate<String> isAdmin = user -> admins.isEmpty() || admins.contains(user);
    SlaPolicy sla = new SlaPolicy(config.slaTarget(), config.slaCeiling(), config.slaTimezone());
    SlaReports slaReports = new SlaReports(new JdbcSlaRepository(database), sla, clock);
    PunctualitySource punctuality = new JdbcPunctuality(database);

    Map<String, DeliveryHandler> handlers = new HashMap<>();
    SlackOutbox outbox = new SlackOutbox(deliveries);
    oncall =
        new OncallService(
            new JdbcRotationRepository(database),
            new QuartzCronCalendar(config.rotationCron(), config.rotationTimezone()),
            clock,
            new CountingRotationListener(
                new SlackRotationListener(
                    outbox,
                    new HandoffBriefings(
                        incidentRepository, slaReports, punctuality, config.slaTimezone()),
                    new SlackRotationListener.Settings(
                        config.oncallChannel(),
                        config.oncallUsergroup().isPresent(),
                        config.rotationTimezone())),
                committed),
            config.admins());
    // Declaring pages whoever holds the pager at that moment, override included.
    incidents = new IncidentService(incidentRepository, transactions, oncall::onCallAt, clock);
    MessageDeliveries messages =
        new MessageDeliveries(
            gateway,
            id -> incidents.find(id).flatMap(incident -> incident.channelId()),
            config.oncallUsergroup(),
            oncall::onCallNow);
    handlers.putAll(messages.handlers());
    handlers.putAll(
        new RoomDeliveries(gateway, messages, incidents, config.incidentsChannel()).handlers());
    cadence =
        new UpdateCadence(
            new CountingUpdateDues(new JdbcUpdateDueRepository(database), committed),
            incidents,
            transactions,
            scheduler,
            new SlackUpdatePrompts(outbox, incidents, clock),
            clock,
            config.updateInterval(),
            config.updateGrace());
    IncidentRoom room =
        new IncidentRoom(
            outbox,
            incidents,
            new IncidentRoom.Settings(config.incidentsChannel(), config.incidentResponders()),
            cadence::compliance);
    // The cadence first: the room's resolution summary counts the updates it has just settled.
    incidents.subscribe(cadence);
    incidents.subscribe(room);
    incidents.subscribe(new IncidentMetrics(committed));
    Exercises exercises =
        new Exercises(
            config,
            database,
            transactions,
            incidents,
            incidentRepository,
            outbox,
            gateway,
            work,
            clock);
    handlers.putAll(exercises.handlers(gateway, messages));

    JdbcFollowupRepository followupRepository = new JdbcFollowupRepository(database);
    FollowupService followups =
        new FollowupService(followupRepository, clock, config.slaTimezone());
    Optional<PostMortemPublisher> notion =
        config
            .notion()
            .map(
                settings ->
                    new NotionPublisher(
                        settings.apiUrl(), settings.token(), settings.parentPageId(), metrics));
    PostMortems postMortems =
        new PostMortems(
            incidents,
            followups,
            cadence::compliance,
            notion,
            new JdbcPublishedPages(database),
            clock);
    // After the room: the post-mortem follows the resolution summary in the channel.
    PostMortemRoom postMortemRoom =
        new PostMortemRoom(
            outbox,
            transactions,
            postMortems,
            messages,
            id -> incidents.find(id).flatMap(incident -> incident.channelId()));
    incidents.subscribe(postMortemRoom);
    handlers.putAll(postMortemRoom.handlers());
    AlertsAndPages alertsAndPages =
        new AlertsAndPages(config.alerts(), database, incidents, metrics);
    alertsAndPages.subscribe(outbox, deliveries, handlers);
    dispatcher =
        new Dispatcher(
            deliveries,
            deliveries,
            transactions,
            handlers,
            wallClock,
            Dispatcher.Settings.defaults(SLACK_THREADS));
    // Whatever a change stored is claimed with it and started as it commits, not at the next poll.
    incidents.subscribe(event -> dispatcher.claimWithChange());

    People people = new SlackPeople(gateway);
    IncidentCommands incidentCommands =
        new IncidentCommands(
            incidents,
            cadence,
            gateway,
            work,
            clock,
            isAdmin,
            deliveries,
            people,
            exercises.commands);
    FollowupCommands followupCommands =
        new FollowupCommands(followups, incidents, incidentCommands, postMortemRoom, outbox, work);
    followupCommands.addTo(incidentCommands.registry());
    TimelineShortcut timelineShortcut =
        new TimelineShortcut(
            new MessageCapture(
                incidentRepository,
                new JdbcCapturedMessageRepository(database),
                transactions,
                clock),
            work);
    OncallCommands oncallCommands = new OncallCommands(oncall, isAdmin, people);
    SlaCommands slaCommands =
        new SlaCommands(
            slaReports,
            punctuality,
            sla,
            new SlaUploads(outbox, work, new SlaCsv(sla.zone())),
            clock,
            range -> followupCommands.slaSection(range.start(), range.end()),
            exercises.reports);
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
            new UnexpectedFailures(work),
            List.of(incidentCommands.registry(), oncallCommands.registry(), slaCommands.registry()),
            List.of(
                new IncidentInteractions(incidents, incidentCommands, work)::register,
                followupCommands::register,
                timelineShortcut::register,
                new OncallInteractions(oncall, work)::register,
                new OutOfDate(work)::register,
                exercises.interactions::register));

    // A monotonic clock: an ack's duration must not jump with the wall clock.
    app.use(new AckTimer(metrics, System::nanoTime).middleware());
    socketMode = config.appToken().map(token -> new SocketModeRunner(app, token)).orElse(null);
    Router router = new Router();
    new Probes(Readiness.checks(database, Optional.ofNullable(socketMode), deliveries))
        .routes(router);
    alertsAndPages.route(router, transactions, clock);
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
    if (database.isSqlite()) {
      // SQLite serves one replica (Database refuses a second): claims still held are a dead
      // process's, resumed now rather than when their leases run out.
      deliveries.releaseClaimsOfDeadProcesses();
    }
    dispatcher.start();
    if (socketMode != null) {
      try {
        socketMode.start();
      } catch (Exception e) {
        http.stop();
        throw e;
      }
    }
    cadence.start();
    new RotationJobs(oncall, scheduler, config.rotationCron()).start();
    exercises.start(scheduler);
    new FollowupNudges(
            followupRepository,
            new SlackOverdueReminder(outbox, followupCommands),
            transactions,
            clock,
            config.slaTimezone())
        .start(scheduler);
    if (config.oncallUsergroup().isPresent()) {
      OncallUsergroupSync usergroupSync = new OncallUsergroupSync(outbox, oncall::onCallNow);
      usergroupSync.check();
      scheduler.onCron(
          "oncall-usergroup",
          OncallUsergroupSync.EVERY_MINUTE,
          config.rotationTimezone(),
          usergroupSync::check);
    }
    log.info(
        "Sevzero is up: {} mode, probes on :{}/livez and /readyz",
        socketMode != null ? "Socket" : "HTTP",
        http.port());
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

  public OncallService oncall() {
    return oncall;
  }

  /**
   * Bolt checks the bot token with one {@code auth.test} and takes any failure, a rate limit
   * included, for an invalid token: restarted during a Slack 429 storm (a deploy, a crash), the bot
   * would exit saying its token is invalid. This waits a storm out first, as every call does, so
   * that only a token Slack refuses stops the start (bench/run StormCrash found it).
   */
  private static void checkToken(SlackGateway gateway) {
    AuthTestResponse answer = gateway.call("auth.test", c -> c.authTest(r -> r));
    if (!answer.isOk()) {
      throw new IllegalStateException(
          "Slack refused SLACK_BOT_TOKEN (auth.test: " + answer.getError() + ")");
    }
  }

  /** The port serving the probes and {@code /metrics} (and {@code /slack/events} in HTTP mode). */
  public int port() {
    return http.port();
  }

  /** Runs at once the scheduled work that is due by the clock (after the clock jumps). */
  public void runDue() {
    scheduler.runDue();
  }

  /**
   * When scheduled work is next due by the clock: prompts, escalations, handoffs, and the handoff
   * reminders and override ends (which a once-a-minute check tells).
   */
  public Optional<Instant> nextDue() {
    return Stream.of(scheduler.nextDue(), oncall.nextCheckAt())
        .flatMap(Optional::stream)
        .min(Comparator.naturalOrder());
  }

  /** How far behind the deliveries are. */
  public DeliveryBacklog deliveries() {
    return deliveries;
  }

  /**
   * Stops taking work, lets deliveries under way finish within {@code SHUTDOWN_GRACE} and leaves
   * the rest stored for the next start (or another replica).
   */
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
    if (socketMode == null) {
      app.stop();
    }
    work.close();
    dispatcher.close(config.shutdownGrace());
    database.close();
    metrics.close();
  }
}
