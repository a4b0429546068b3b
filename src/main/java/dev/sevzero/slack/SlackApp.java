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

/**
 * The Bolt app: one listener per slash command, each routed by its {@link CommandRegistry}, plus
 * the interaction handlers (buttons, modals) each surface registers for itself.
 */
public final class SlackApp {

  private SlackApp() {}

  public static App create(
      AppConfig config,
      AckFirst ackFirst,
      UnexpectedFailures unexpectedFailures,
      List<CommandRegistry> commands,
      List<Consumer<App>> interactions) {
    App app = new App(config);
    // First, so that it wraps everything after it.
    app.use(unexpectedFailures);
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
          return ack(context, registry.dispatch(invocation));
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
}
