package dev.sevzero.rotation;

import java.time.Instant;
import java.util.Optional;

/** Who holds the pager at an instant, as {@code /oncall} shows it. */
public sealed interface OnCallStatus permits OnCallStatus.OnCall, OnCallStatus.NobodyOnCall {

  /**
   * @param user who holds the pager now, override included
   * @param since when they took it
   * @param override present when an override is why {@code user} holds it
   * @param rotationHolder the rotation's own holder (backs up an override); empty for an empty
   *     roster
   * @param unconfirmedHandoff the handoff to {@code rotationHolder} while not yet confirmed: its
   *     outgoing person stays listed as backup until then
   * @param nextHandoffAt the next scheduled handoff
   * @param nextUser who takes over then; empty for an empty roster
   */
  record OnCall(
      String user,
      Instant since,
      Optional<OncallOverride> override,
      Optional<String> rotationHolder,
      Optional<Handoff> unconfirmedHandoff,
      Instant nextHandoffAt,
      Optional<String> nextUser)
      implements OnCallStatus {}

  /** Nobody can be paged; {@code reason} says why in a sentence. */
  record NobodyOnCall(String reason, Instant nextHandoffAt) implements OnCallStatus {}
}
