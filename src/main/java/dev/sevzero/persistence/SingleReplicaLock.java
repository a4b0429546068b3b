package dev.sevzero.persistence;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Keeps a second Sevzero off a SQLite file. Two processes on one file lose concurrent changes to
 * {@code SQLITE_BUSY}, and SQLite's own locks do not tell a second replica from a manager's sqlite3
 * shell, so the bot holds an exclusive lock on a file beside the database for as long as it runs.
 * The operating system releases it when the process dies, however it dies.
 */
final class SingleReplicaLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private SingleReplicaLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Locks the file of {@code jdbcUrl}; nothing for an in-memory database.
   *
   * @throws DatabaseException when another Sevzero holds it
   */
  static Optional<SingleReplicaLock> acquire(String jdbcUrl) {
    Optional<Path> file = databaseFile(jdbcUrl);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    Path lockFile = file.get().resolveSibling(file.get().getFileName() + ".sevzero-lock");
    try {
      FileChannel channel =
          FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException held) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new DatabaseException(
            "another Sevzero is already using "
                + file.get()
                + ": SQLite serves one replica; for several, use PostgreSQL (DATABASE_URL="
                + "jdbc:postgresql://…)",
            null);
      }
      return Optional.of(new SingleReplicaLock(channel, lock));
    } catch (IOException e) {
      throw new DatabaseException("cannot lock " + lockFile + ": " + e.getMessage(), e);
    }
  }

  /** The file a {@code jdbc:sqlite:} URL names; empty for an in-memory database. */
  static Optional<Path> databaseFile(String jdbcUrl) {
    String rest = jdbcUrl.substring("jdbc:sqlite:".length());
    if (rest.startsWith("file:")) {
      rest = rest.substring("file:".length());
    }
    int query = rest.indexOf('?');
    String path = query < 0 ? rest : rest.substring(0, query);
    if (path.isEmpty() || path.contains(":memory:") || jdbcUrl.contains("mode=memory")) {
      return Optional.empty();
    }
    return Optional.of(Path.of(path).toAbsolutePath());
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // The process is stopping or the file is gone: either way the lock goes with it.
    }
  }
}
