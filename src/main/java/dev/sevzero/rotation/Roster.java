package dev.sevzero.rotation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The people who take turns holding the pager, in rotation order (user IDs). */
public record Roster(List<String> members) {

  public Roster {
    members = List.copyOf(members);
  }

  public boolean isEmpty() {
    return members.isEmpty();
  }

  public int size() {
    return members.size();
  }

  public boolean contains(String user) {
    return members.contains(user);
  }

  public Optional<String> first() {
    return members.stream().findFirst();
  }

  /** 1-based, as people count; 0 when {@code user} is not on the roster. */
  public int positionOf(String user) {
    return members.indexOf(user) + 1;
  }

  /**
   * Who comes after {@code user}, wrapping around; the first member when {@code user} is not on the
   * roster (so a rotation always restarts somewhere sensible).
   */
  public Optional<String> after(String user) {
    int index = members.indexOf(user);
    if (index < 0) {
      return first();
    }
    return Optional.of(members.get((index + 1) % members.size()));
  }

  /** This roster with {@code user} at {@code position} (1-based), moved there if already in. */
  public Roster with(String user, int position) {
    List<String> edited = new ArrayList<>(members);
    edited.remove(user);
    edited.add(position - 1, user);
    return new Roster(edited);
  }

  public Roster without(String user) {
    List<String> edited = new ArrayList<>(members);
    edited.remove(user);
    return new Roster(edited);
  }
}
