package dev.sevzero.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsIT {

  @TempDir Path dir;

  @Test
  void appliesEveryMigrationOnceAndRecordsIt() {
    String url = "jdbc:sqlite:" + dir.resolve("sevzero.db");
    Database.open(url).close();
    try (Database reopened = Database.open(url)) {
      List<String> applied =
          reopened.transaction(
              connection -> {
                List<String> names = new ArrayList<>();
                try (var rows =
                    connection
                        .createStatement()
                        .executeQuery("SELECT name FROM schema_version ORDER BY version")) {
                  while (rows.next()) {
                    names.add(rows.getString(1));
                  }
                }
                return names;
              });
      assertThat(applied).containsExactlyElementsOf(Migrations.FILES);
    }
  }

  @Test
  void redactsPasswordsFromJdbcUrls() {
    assertThat(Database.redact("jdbc:postgresql://db/sevzero?user=bot&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://db/sevzero?user=bot&password=***&ssl=true");
  }
}
