package dev.sevzero.app;

import dev.sevzero.config.Config;
import dev.sevzero.deliveries.DeliveryHandler;
import dev.sevzero.exercises.BuiltInScenarios;
import dev.sevzero.exercises.ExerciseKind;
import dev.sevzero.exercises.ExerciseReminders;
import dev.sevzero.exercises.ExerciseReports;
import dev.sevzero.exercises.ExerciseService;
import dev.sevzero.exercises.ScenarioLibrary;
import dev.sevzero.incident.IncidentRepository;
import dev.sevzero.incident.IncidentService;
import dev.sevzero.incident.Transactions;
import dev.sevzero.persistence.Database;
import dev.sevzero.persistence.JdbcDrillRepository;
import dev.sevzero.scheduling.CronCalendar;
import dev.sevzero.scheduling.Scheduler;
import dev.sevzero.scheduling.quartz.QuartzCronCalendar;
import dev.sevzero.slack.SlackWork;
import dev.sevzero.slack.delivery.MessageDeliveries;
import dev.sevzero.slack.delivery.SlackOutbox;
import dev.sevzero.slack.exercises.DrillCommands;
import dev.sevzero.slack.exercises.DrillInteractions;
import dev.sevzero.slack.exercises.DrillRoom;
import dev.sevzero.slack.transport.SlackGateway;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The drill kit's parts (SPEC §11), built from the configuration and wired to the incidents. */
final class Exercises {

  final ExerciseService service;
  final DrillCommands commands;
  final DrillInteractions interactions;
  final ExerciseReports reports;
  private final ExerciseReminders reminders;
  private final DrillRoom room;

  Exercises(
      Config config,
      Database database,
      Transactions transactions,
      IncidentService incidents,
      IncidentRepository incidentRepository,
      SlackOutbox outbox,
      SlackGateway gateway,
      SlackWork work,
      Clock clock) {
    ScenarioLibrary library = config.exercises().scenarios().orElseGet(BuiltInScenarios::library);
    JdbcDrillRepository drills = new JdbcDrillRepository(database);
    service =
        new ExerciseService(library, drills, incidents, incidentRepository, transactions, clock);
    room =
        new DrillRoom(
            outbox,
            incidents,
            service,
            new DrillRoom.Settings(config.oncallChannel(), config.incidentsChannel()));
    // After the incident room: the brief follows the channel's set-up, the results its summary.
    incidents.subscribe(room);
    service.addListener(room);
    List<ExerciseReminders.Schedule> schedules = new ArrayList<>();
    schedule(schedules, ExerciseKind.TABLETOP, config.exercises().tabletopCron(), config);
    schedule(schedules, ExerciseKind.DR, config.exercises().drDrillCron(), config);
    Map<ExerciseKind, CronCalendar> calendars = new EnumMap<>(ExerciseKind.class);
    schedules.forEach(schedule -> calendars.put(schedule.kind(), schedule.calendar()));
    reminders = new ExerciseReminders(schedules, library, drills, transactions, clock, room);
    reports = new ExerciseReports(calendars, drills, clock);
    commands = new DrillCommands(service, gateway, work);
    interactions = new DrillInteractions(service, work);
  }

  private static void schedule(
      List<ExerciseReminders.Schedule> schedules,
      ExerciseKind kind,
      Optional<String> cron,
      Config config) {
    cron.ifPresent(
        expression ->
            schedules.add(
                new ExerciseReminders.Schedule(
                    kind,
                    expression,
                    new QuartzCronCalendar(expression, config.rotationTimezone()))));
  }

  /** How the drill's checklist is posted and kept current. */
  Map<String, DeliveryHandler> handlers(SlackGateway gateway, MessageDeliveries messages) {
    return room.handlers(gateway, messages);
  }

  /** Posts what fell due while the bot was down, then reminds at each scheduled time. */
  void start(Scheduler scheduler) {
    reminders.start(scheduler);
  }
}
