package dev.sevzero.postmortem;

/** How publishing a post-mortem ended, for the people in the incident channel. */
public sealed interface Publication {

  /** Published; {@code updated} when the page existed before and now shows the latest version. */
  record Published(PublishedPage page, boolean updated) implements Publication {}

  /** Not published; {@code reason} says why, worded by the publisher. */
  record NotPublished(String reason) implements Publication {}
}
