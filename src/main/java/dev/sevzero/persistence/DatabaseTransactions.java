package dev.sevzero.persistence;

import dev.sevzero.incident.Transactions;
import java.util.function.Supplier;

/** Use-case transactions over the {@link Database}; repositories called inside join them. */
public final class DatabaseTransactions implements Transactions {

  private final Database database;

  public DatabaseTransactions(Database database) {
    this.database = database;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return database.transaction(connection -> work.get());
  }

  @Override
  public void afterCommit(Runnable action) {
    database.afterCommit(action);
  }
}
