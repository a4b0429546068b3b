package dev.sevzero.rotation;

import java.util.Collection;
import java.util.Set;

/** Who may edit the roster and hand over; nobody configured means everyone (SPEC 8, ADMINS). */
final class Admins {

  private final Set<String> userIds;

  Admins(Collection<String> userIds) {
    this.userIds = Set.copyOf(userIds);
  }

  boolean includes(String user) {
    return userIds.isEmpty() || userIds.contains(user);
  }

  void require(String actor, String action) {
    if (!includes(actor)) {
      throw new NotAllowed("Only rotation admins can " + action + ".");
    }
  }
}
