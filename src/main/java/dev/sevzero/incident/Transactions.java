package dev.sevzero.incident;

import java.util.function.Supplier;

/** Runs a use case's reads and writes as one atomic unit. */
@FunctionalInterface
public interface Transactions {
  <T> T inTransaction(Supplier<T> work);
}
