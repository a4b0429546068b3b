package dev.sevzero.persistence;

import java.util.Optional;

/**
 * A read whose result is kept until the database may have changed ({@link Database#changeMark}):
 * for a result read often and changed seldom, which must be immutable since callers share it. On
 * PostgreSQL every call reads.
 *
 * <p>Its fields are only touched under the database's lock, which is what makes it thread-safe. The
 * mark is taken in the same transaction as the read, before it, so a result is never kept under a
 * mark older than what it shows; a rolled-back write has still moved the mark, which only costs one
 * read more.
 */
final class KeptRead<T> {

  private final Database database;
  private final Database.Work<T> read;
  private Optional<Database.ChangeMark> keptAt = Optional.empty();
  private T kept;

  KeptRead(Database database, Database.Work<T> read) {
    this.database = database;
    this.read = read;
  }

  T get() {
    return database.transaction(
        connection -> {
          Optional<Database.ChangeMark> mark = database.changeMark(connection);
          if (mark.isPresent() && mark.equals(keptAt)) {
            return kept;
          }
          T result = read.run(connection);
          keptAt = mark;
          kept = mark.isPresent() ? result : null;
          return result;
        });
  }
}
