package dev.sevzero.slack.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sevzero.incident.IncidentException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandRegistryTest {

  private final List<String> ran = new ArrayList<>();

  private CommandRegistry registry() {
    return new CommandRegistry("/incident", "run incidents", user -> user.equals("UADMIN"))
        .add(
            SubCommand.of(
                "declare",
                "[sev0|sev1] <title>",
                "declare an incident",
                invocation -> {
                  ran.add("declare " + invocation.text());
                  if (invocation.text().isBlank()) {
                    throw new UsageException("The incident needs a title.");
                  }
                  return CommandReply.ephemeral("declared");
                }))
        .add(SubCommand.of("ack", "", "acknowledge", invocation -> CommandReply.ephemeral("acked")))
        .add(
            SubCommand.of(
                "reopen",
                "",
                "reopen",
                invocation -> {
                  throw new IncidentException("INC-1 is still open; there is nothing to reopen.");
                }))
        .add(
            SubCommand.of(
                "crash",
                "",
                "fails",
                invocation -> {
                  throw new IllegalStateException("secret internals at row 42");
                }))
        .add(
            SubCommand.admin(
                "purge", "", "forget everything", invocation -> CommandReply.ephemeral("purged")));
  }

  private CommandReply run(String user, String text) {
    return registry().dispatch(new CommandInvocation("/incident", "", user, "C1", text, "t", "u"));
  }

  @Test
  void routesToTheSubCommandWithTheRestOfTheWords() {
    assertThat(run("U1", "declare db down").text()).isEqualTo("declared");
    assertThat(ran).containsExactly("declare db down");
  }

  @Test
  void helpListsEverySubCommandWithItsUsage() {
    String help = run("U1", "help").text();
    assertThat(help)
        .contains("`/incident declare [sev0|sev1] <title>` — declare an incident")
        .contains("`/incident ack` — acknowledge")
        .contains("`/incident purge` — forget everything _(admins)_")
        .contains("`/incident help`");
    assertThat(run("U1", "").text()).isEqualTo(help);
    assertThat(run("U1", "help declare").text())
        .isEqualTo("`/incident declare [sev0|sev1] <title>` — declare an incident");
  }

  @Test
  void aTypoGetsTheClosestSubCommand() {
    CommandReply reply = run("U1", "delcare db down");
    assertThat(reply.text())
        .startsWith(
            "`/incident delcare` is not a command I know. Did you mean `/incident declare [sev0|sev1] <title>`?")
        .contains("`/incident ack`");
    assertThat(reply.inChannel()).isFalse();
    assertThat(ran).isEmpty();
  }

  @Test
  void aPrefixIsCloseEnough() {
    assertThat(registry().closest("dec")).contains("declare");
    assertThat(registry().closest("zzzzzz")).isEmpty();
  }

  @Test
  void usageErrorsNameTheProblemAndTheUsage() {
    assertThat(run("U1", "declare").text())
        .isEqualTo("The incident needs a title.\nUsage: `/incident declare [sev0|sev1] <title>`");
  }

  @Test
  void adminSubCommandsRefuseOthersBeforeTheHandlerRuns() {
    assertThat(run("U1", "purge").text())
        .contains("Only Sevzero admins")
        .contains("Nothing was changed");
    assertThat(run("UADMIN", "purge").text()).isEqualTo("purged");
  }

  @Test
  void aRefusalOfTheRulesIsShownAsItsOwnSentenceWithoutAnyHandlerWrappingIt() {
    assertThat(run("U1", "reopen").text())
        .isEqualTo("INC-1 is still open; there is nothing to reopen.");
  }

  @Test
  void anUnexpectedFailureLeaksNoClassAndNoExceptionText() {
    String text = run("U1", "crash").text();
    assertThat(text).contains("Sorry").contains("`/incident crash`");
    assertThat(text).doesNotContain("IllegalStateException").doesNotContain("secret internals");
  }

  @Test
  void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
    assertThat(CommandRegistry.editDistance("ack", "ack")).isZero();
    assertThat(CommandRegistry.editDistance("ak", "ack")).isEqualTo(1);
    assertThat(CommandRegistry.editDistance("delcare", "declare")).isEqualTo(2);
  }
}
