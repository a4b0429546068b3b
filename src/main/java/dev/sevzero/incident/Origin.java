package dev.sevzero.incident;

import java.util.Objects;

/**
 * The outside system that declared an incident (an alert source such as Alertmanager) and its own
 * id for it. At most one incident is stored per origin, so declaring the same origin twice returns
 * the first incident.
 *
 * @param source who declared it, e.g. {@code alertmanager}
 * @param externalId the source's id for this incident
 */
public record Origin(String source, String externalId) {

  public Origin {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(externalId, "externalId");
  }
}
