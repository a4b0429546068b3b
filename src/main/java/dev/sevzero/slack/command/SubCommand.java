package dev.sevzero.slack.command;

/**
 * One sub-command: its name, the arguments it takes (as shown in usage lines), what it does (as
 * shown in help), who may run it, and the handler. The registry routes, checks access and writes
 * help and usage errors from these, so they cannot drift apart.
 */
public record SubCommand(
    String name, String arguments, String summary, Access access, Handler handler) {

  public enum Access {
    EVERYONE,
    ADMINS
  }

  @FunctionalInterface
  public interface Handler {
    /**
     * @param invocation the command, with {@code text} holding only the words after the sub-command
     * @throws UsageException when the arguments are wrong
     */
    CommandReply handle(CommandInvocation invocation);
  }

  public static SubCommand of(String name, String arguments, String summary, Handler handler) {
    return new SubCommand(name, arguments, summary, Access.EVERYONE, handler);
  }

  public static SubCommand admin(String name, String arguments, String summary, Handler handler) {
    return new SubCommand(name, arguments, summary, Access.ADMINS, handler);
  }
}
