package dev.sevzero.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/** An embedded PostgreSQL on loopback for replicas to share (the tests' own, from test scope). */
final class SharedDatabase implements AutoCloseable {

  private final EmbeddedPostgres postgres;

  private SharedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static SharedDatabase start() throws IOException {
    return new SharedDatabase(EmbeddedPostgres.builder().start());
  }

  /** The JDBC URL of its {@code postgres} database, user and password included. */
  String url() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
