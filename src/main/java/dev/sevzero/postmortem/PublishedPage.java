package dev.sevzero.postmortem;

/** The page a post-mortem is published to: where to update it and where people read it. */
public record PublishedPage(String id, String url) {}
