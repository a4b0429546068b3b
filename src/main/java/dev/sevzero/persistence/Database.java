package dev.sevzero.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The one way the application reaches its JDBC database.
 *
 * <p>SQLite allows one writer at a time, so a single connection guarded by a lock is both the
 * simplest and the fastest arrangement: every unit of work runs as one transaction on it, and a
 * unit of work started inside another joins it, and statements are prepared once ({@link
 * StatementCache}). For PostgreSQL the same interface would be backed by a pool; nothing outside
 * this package knows which.
 */
public final class Database implements AutoCloseable {

  /** A unit of work over one connection, inside a transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final String url;
  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();
  private final StatementCache statements;
  private final Optional<SingleReplicaLock> replicaLock;
  // Guarded by lock: what the transaction under way runs once it has committed.
  private final List<Runnable> afterCommit = new ArrayList<>();
  // Guarded by lock: what the transaction under way keeps until it ends (see transactionScoped).
  private final Map<Object, Object> transactionScoped = new HashMap<>();

  private Database(String url, Connection connection, Optional<SingleReplicaLock> replicaLock) {
    this.url = url;
    this.connection = connection;
    this.statements = new StatementCache(connection);
    this.replicaLock = replicaLock;
  }

  /** Opens the database at {@code jdbcUrl} and brings its schema up to date. */
  public static Database open(String jdbcUrl) {
    Optional<SingleReplicaLock> replicaLock =
        isSqlite(jdbcUrl) ? SingleReplicaLock.acquire(jdbcUrl) : Optional.empty();
    Connection connection;
    try {
      connection = DriverManager.getConnection(jdbcUrl);
    } catch (SQLException e) {
      replicaLock.ifPresent(SingleReplicaLock::close);
      throw cannotOpen(jdbcUrl, e);
    }
    try {
      if (isSqlite(jdbcUrl)) {
        try (var statement = connection.createStatement()) {
          // WAL lets readers in other processes (a manager's sqlite3 shell) work while we write;
          // the busy timeout rides out their short locks instead of failing.
          statement.execute("PRAGMA journal_mode=WAL");
          statement.execute("PRAGMA busy_timeout=5000");
          statement.execute("PRAGMA foreign_keys=ON");
          statement.execute("PRAGMA synchronous=NORMAL");
        }
      }
      connection.setAutoCommit(false);
      Database database = new Database(jdbcUrl, connection, replicaLock);
      new Migrations(database).migrate();
      return database;
    } catch (SQLException | RuntimeException e) {
      // Nobody else holds the connection: left open, it would keep the file (or a server session)
      // busy for whoever opens it next, a retrying replica or a manager's shell.
      try {
        connection.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      replicaLock.ifPresent(SingleReplicaLock::close);
      throw cannotOpen(jdbcUrl, e);
    }
  }

  private static DatabaseException cannotOpen(String jdbcUrl, Exception cause) {
    return new DatabaseException(
        "cannot open database " + redact(jdbcUrl) + ": " + cause.getMessage(), cause);
  }

  /** Runs {@code work} in a transaction (or inside the caller's, when there is one). */
  public <T> T transaction(Work<T> work) {
    lock.lock();
    boolean outermost = lock.getHoldCount() == 1;
    List<Runnable> committed = List.of();
    try {
      T result = work.run(statements.connection());
      if (outermost) {
        connection.commit();
        committed = List.copyOf(afterCommit);
      }
      return result;
    } catch (SQLException | RuntimeException e) {
      if (outermost) {
        rollbackQuietly(e);
      }
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new DatabaseException(e.getMessage(), e);
    } finally {
      if (outermost) {
        afterCommit.clear();
        transactionScoped.clear();
      }
      lock.unlock();
      // Outside the lock: what follows a commit does not hold up the next transaction.
      committed.forEach(Runnable::run);
    }
  }

  /**
   * Runs {@code action} once the transaction under way on this thread has committed, and never if
   * it rolls back; at once when there is none. For what must only count what was stored (metrics).
   */
  public void afterCommit(Runnable action) {
    if (lock.isHeldByCurrentThread()) {
      afterCommit.add(action);
    } else {
      action.run();
    }
  }

  /**
   * What the transaction under way on this thread keeps under {@code key} until it ends, committed
   * or rolled back; made by {@code initial} on first use. Call it inside a unit of work.
   */
  @SuppressWarnings("unchecked")
  <T> T transactionScoped(Object key, Supplier<T> initial) {
    if (!lock.isHeldByCurrentThread()) {
      throw new IllegalStateException("no transaction under way on this thread");
    }
    return (T) transactionScoped.computeIfAbsent(key, k -> initial.get());
  }

  /**
   * Where the database stands, read inside the unit of work that {@code connection} runs: a mark
   * that moves whenever what it holds may have changed, for keeping a read until then ({@link
   * KeptRead}). On SQLite it is the rows this connection has ever changed ({@code total_changes()},
   * which a rollback does not take back) and the commits of other connections ({@code
   * data_version}: a manager's sqlite3 shell). Empty on PostgreSQL, where another replica changes
   * rows through its own connection unseen, and inside a transaction that another unit of work
   * started, whose writes so far may still be rolled back.
   */
  Optional<ChangeMark> changeMark(Connection connection) throws SQLException {
    if (!isSqlite() || lock.getHoldCount() != 1) {
      return Optional.empty();
    }
    try (var query =
            connection.prepareStatement(
                "SELECT total_changes(), data_version FROM pragma_data_version()");
        var row = query.executeQuery()) {
      row.next();
      return Optional.of(new ChangeMark(row.getLong(1), row.getLong(2)));
    }
  }

  /** See {@link #changeMark}. */
  record ChangeMark(long ownChanges, long othersCommits) {}

  /** Runs {@code work} in a transaction with no result. */
  public void execute(Work<?> work) {
    transaction(work);
  }

  /**
   * Whether the database answers within {@code timeout}: false when a transaction has held the
   * connection all that time, or the connection is broken.
   */
  public boolean reachable(Duration timeout) {
    try {
      if (!lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        return false;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    try {
      return connection.isValid((int) Math.max(1, timeout.toSeconds()));
    } catch (SQLException e) {
      return false;
    } finally {
      lock.unlock();
    }
  }

  /** SQLite serves one replica; PostgreSQL several. */
  public boolean isSqlite() {
    return isSqlite(url);
  }

  private static boolean isSqlite(String url) {
    return url.startsWith("jdbc:sqlite:");
  }

  private void rollbackQuietly(Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException rollbackFailure) {
      cause.addSuppressed(rollbackFailure);
    }
  }

  /** JDBC URLs may carry a password; never print one. */
  static String redact(String jdbcUrl) {
    return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  @Override
  public void close() {
    lock.lock();
    try {
      statements.close();
      connection.close();
    } catch (SQLException e) {
      throw new DatabaseException("cannot close database: " + e.getMessage(), e);
    } finally {
      replicaLock.ifPresent(SingleReplicaLock::close);
      lock.unlock();
    }
  }
}
