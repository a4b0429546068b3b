package dev.sevzero.fakeslack;

import java.time.Clock;
import java.time.Instant;

/**
 * The workspace's state and Slack's rules about it, in parts: people, channels, messages, uploads
 * and modals. Each part is synchronized on itself: state is small and calls are few, so a lock per
 * part keeps reads consistent without ceremony. A part calls only the parts before it in that list
 * (and ids), never one after it, so locks are always taken in the same order and cannot deadlock.
 * Accessors hand out immutable snapshots.
 */
final class Workspace {
  private final Clock clock;
  private final Ids ids;
  private final People people;
  private final Channels channels;
  private final Messages messages;
  private final Uploads uploads;
  private final Modals modals;

  Workspace(Clock clock) {
    this.clock = clock;
    this.ids = new Ids(clock);
    this.people = new People(ids);
    this.channels = new Channels(clock, ids, people);
    this.messages = new Messages(ids, people, channels);
    this.uploads = new Uploads(clock, ids, channels, messages);
    this.modals = new Modals(clock, ids);
  }

  Instant now() {
    return clock.instant();
  }

  /** Slack's "seconds.micros" ts from the clock, strictly increasing even within one instant. */
  String newTs() {
    return ids.newTs();
  }

  People people() {
    return people;
  }

  Channels channels() {
    return channels;
  }

  Messages messages() {
    return messages;
  }

  Uploads uploads() {
    return uploads;
  }

  Modals modals() {
    return modals;
  }

  void close() {
    messages.close();
  }
}
