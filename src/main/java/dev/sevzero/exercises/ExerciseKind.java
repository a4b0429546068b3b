package dev.sevzero.exercises;

import java.util.Locale;
import java.util.Optional;

/** The two exercises the process rehearses (SPEC §11). */
public enum ExerciseKind {
  /** A stress scenario talked through around a table, monthly. */
  TABLETOP("tabletop", "Tabletop exercise"),
  /** Staging deliberately broken to test recovery, against RTO and RPO targets; quarterly. */
  DR("dr", "Disaster-recovery drill");

  private final String code;
  private final String label;

  ExerciseKind(String code, String label) {
    this.code = code;
    this.label = label;
  }

  /** {@code tabletop} or {@code dr}: as typed in commands and stored. */
  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public static Optional<ExerciseKind> parse(String typed) {
    String code = typed.strip().toLowerCase(Locale.ROOT);
    for (ExerciseKind kind : values()) {
      if (kind.code.equals(code)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
