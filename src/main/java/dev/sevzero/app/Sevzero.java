package dev.sevzero.app;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.sevzero.config.Config;
import dev.sevzero.incident.IncidentService;
import dev.sevzero.incident.OnCall;
import dev.sevzero.persistence.Database;
import dev.sevzero.persistence.DatabaseTransactions;
import dev.sevzero.persistence.JdbcIncidentRepository;
import dev.sevzero.slack.SlackApp;
import dev.sevzero.slack.SlackMessenger;
import dev.sevzero.slack.SlackWork;
import dev.sevzero.slack.incident.IncidentCommands;
import dev.sevzero.slack.incident.IncidentInteractions;
import dev.sevzero.slack.incident.IncidentRoom;
import dev.sevzero.slack.transport.Health;
import dev.sevzero.slack.transport.HttpModeServer;
import dev.sevzero.slack.transport.SlackClients;
import dev.sevzero.slack.transport.SlackGateway;
import dev.sevzero.slack.transport.SocketModeRunner;
import dev.sevzero.updates.UpdateCompliance;
import dev.sevzero.updates.UpdateSchedule;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every part from the configuration and a clock, starts and stops
 * them.
 */
public final class Sevzero implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Sevzero.class);
  private static final int SLACK_THREADS = 16;

  private final Database database;
  private final SlackWork work;
  private final IncidentService incidents;
  private final HttpModeServer http;
  private final SocketModeRunner socketMode;

  private Sevzero(Config config, Clock clock) throws Exception {
    database = Database.open(config.databaseUrl());
    incidents =
        new IncidentService(
            new JdbcIncidentRepository(database),
            new DatabaseTransactions(database),
            OnCall.NOBODY,
            clock);
    Slack slack = SlackClients.create(config.slackApiUrl());
    SlackGateway gateway = new SlackGateway(slack.methods(config.botToken()));
    SlackMessenger messenger = new SlackMessenger(gateway);
    work = new SlackWork(SLACK_THREADS);
    UpdateSchedule updates =
        new UpdateSchedule() {
          @Override
          public Optional<Instant> nextDue(long incidentId) {
            return Optional.empty();
          }

          @Override
          public UpdateCompliance compliance(long incidentId) {
            return UpdateCompliance.NONE;
          }
        };
    IncidentRoom room =
        new IncidentRoom(
            messenger,
            incidents,
            work,
            new IncidentRoom.Settings(config.incidentsChannel(), config.incidentResponders()),
            updates::compliance);
    incidents.addListener(room);
    Set<String> admins = Set.copyOf(config.admins());
    IncidentCommands incidentCommands =
        new IncidentCommands(
            incidents,
            updates,
            gateway,
            work,
            clock,
            user -> admins.isEmpty() || admins.contains(user));
    IncidentInteractions interactions = new IncidentInteractions(incidents, incidentCommands, work);

    // HttpModeServer checks signatures itself, in both time directions and by our clock; Bolt's
    // own check reads the system clock and lets future timestamps through.
    // Bolt runs auth.test once when the App is built and hands the answer to its authorization
    // middleware, but stamps it as cached at time 0, so it counts as expired: the first requests
    // after start-up, and all requests every 10 minutes after, each call auth.test *before* the
    // ack (one Slack round trip; a slow Slack would time the command out). A negative expiry
    // keeps the start-up answer for good; a revoked token still fails every Web API call.
    AppConfig.AppConfigBuilder appConfig =
        AppConfig.builder()
            .singleTeamBotToken(config.botToken())
            .slack(slack)
            .requestVerificationEnabled(false)
            .authTestCacheExpirationMillis(-1);
    App app =
        SlackApp.create(
            appConfig.build(),
            List.of(incidentCommands.registry()),
            List.of(interactions::register));

    if (config.appToken().isPresent()) {
      socketMode = new SocketModeRunner(app, config.appToken().get());
      socketMode.start();
      http = HttpModeServer.healthOnly(config.port(), Health.ALWAYS_OK);
    } else {
      socketMode = null;
      http =
          new HttpModeServer(
              app, config.signingSecret().orElseThrow(), clock, config.port(), Health.ALWAYS_OK);
    }
    http.start();
    room.resumeUnfinished();
    log.info(
        "Sevzero is up: {} mode, health on :{}/healthz, database {}",
        socketMode != null ? "Socket" : "HTTP",
        http.port(),
        config.databaseUrl().replaceAll("(?i)(password=)[^&;]*", "$1***"));
  }

  public static Sevzero start(Config config, Clock clock) throws Exception {
    return new Sevzero(config, clock);
  }

  public IncidentService incidents() {
    return incidents;
  }

  /** The port serving {@code /healthz} (and {@code /slack/events} in HTTP mode). */
  public int port() {
    return http.port();
  }

  @Override
  public void close() {
    try {
      if (socketMode != null) {
        socketMode.stop();
      }
    } catch (Exception e) {
      log.warn("Stopping Socket Mode: {}", e.getMessage());
    }
    http.stop();
    work.close();
    database.close();
  }
}
