package dev.sevzero.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import dev.sevzero.slack.command.CommandInvocation;
import dev.sevzero.slack.command.CommandRegistry;
import dev.sevzero.slack.command.CommandReply;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bolt app: one listener per slash command, each routed by its {@link CommandRegistry}, plus
 * the interaction handlers (buttons, modals) each surface registers for itself.
 */
public final class SlackApp {

  private static final Logger log = LoggerFactory.getLogger(SlackApp.class);

  private SlackApp() {}

  public static App create(
      AppConfig config,
      AckFirst ackFirst,
      List<CommandRegistry> commands,
      List<Consumer<App>> interactions) {
    App app = new App(config);
    app.use(ackFirst.middleware());
    commands.forEach(registry -> registerCommand(app, registry));
    interactions.forEach(registration -> registration.accept(app));
    return app;
  }

  private static void registerCommand(App app, CommandRegistry registry) {
    app.command(
        registry.command(),
        (request, context) -> {
          var payload = request.getPayload();
          CommandInvocation invocation =
              new CommandInvocation(
                  payload.getCommand(),
                  "",
                  payload.getUserId(),
                  payload.getChannelId(),
                  payload.getText(),
                  payload.getTriggerId(),
                  payload.getResponseUrl());
          CommandReply reply;
          try {
            reply = registry.dispatch(invocation);
          } catch (RuntimeException e) {
            log.error(
                "{} {} failed: {}",
                payload.getCommand(),
                firstWord(payload.getText()),
                e.getMessage(),
                e);
            reply =
                CommandReply.ephemeral(
                    "Sorry, Sevzero hit an error running that ("
                        + e.getClass().getSimpleName()
                        + "). It is logged; please try again or tell an admin.");
          }
          return ack(context, reply);
        });
  }

  private static Response ack(SlashCommandContext context, CommandReply reply) {
    if (reply.text() == null && reply.blocks().isEmpty()) {
      return context.ack();
    }
    List<LayoutBlock> blocks = reply.blocks().isEmpty() ? null : reply.blocks();
    return context.ack(
        r ->
            r.responseType(reply.inChannel() ? "in_channel" : "ephemeral")
                .text(reply.text())
                .blocks(blocks));
  }

  /** The sub-command only: the rest may be someone's free text and does not belong in logs. */
  private static String firstWord(String text) {
    return text == null ? "" : text.strip().split("\\s+", 2)[0];
  }
}
