package dev.sevzero.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Statements prepared once and kept, on a real SQLite connection. */
class StatementCacheIT {

  private Connection sqlite;
  private StatementCache cache;

  @BeforeEach
  void open() throws SQLException {
    sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
    cache = new StatementCache(sqlite);
  }

  @AfterEach
  void close() throws SQLException {
    cache.close();
    sqlite.close();
  }

  @Test
  void theSameSqlIsPreparedOnceAndStartsWithNoParametersEachTime() throws SQLException {
    PreparedStatement first;
    try (PreparedStatement statement = cache.connection().prepareStatement("SELECT ? + 1")) {
      statement.setInt(1, 41);
      assertThat(single(statement)).isEqualTo(42L);
      first = statement.unwrap(PreparedStatement.class);
    }

    try (PreparedStatement again = cache.connection().prepareStatement("SELECT ? + 1")) {
      assertThat(again.unwrap(PreparedStatement.class)).isSameAs(first);
      assertThat(first.isClosed()).isFalse();
      assertThat(single(again))
          .as("the last caller's 41 is gone: NULL + 1, as on a new one")
          .isNull();
      again.setInt(1, 1);
      assertThat(single(again)).isEqualTo(2L);
    }
  }

  @Test
  void keepsAtMostAHundredAndTwentyEightStatementsClosingTheLeastRecentlyUsed() throws Exception {
    PreparedStatement eldest = kept("SELECT 0");
    AtomicInteger n = new AtomicInteger();
    while (n.incrementAndGet() <= 127) {
      kept("SELECT " + n.get());
    }
    assertThat(eldest.isClosed()).isFalse();

    kept("SELECT 128");

    assertThat(eldest.isClosed()).isTrue();
    assertThat(kept("SELECT 0")).isNotSameAs(eldest);
  }

  @Test
  void closingTheCacheClosesItsStatementsButNotTheConnection() throws SQLException {
    PreparedStatement statement = kept("SELECT 1");

    cache.close();

    assertThat(statement.isClosed()).isTrue();
    assertThat(sqlite.isClosed()).isFalse();
    assertThatThrownBy(statement::executeQuery).isInstanceOf(SQLException.class);
  }

  private PreparedStatement kept(String sql) throws SQLException {
    try (PreparedStatement statement = cache.connection().prepareStatement(sql)) {
      return statement.unwrap(PreparedStatement.class);
    }
  }

  private static Long single(PreparedStatement statement) throws SQLException {
    try (ResultSet rows = statement.executeQuery()) {
      rows.next();
      long value = rows.getLong(1);
      return rows.wasNull() ? null : value;
    }
  }
}
