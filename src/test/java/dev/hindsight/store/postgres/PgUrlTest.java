package dev.hindsight.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hindsight.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a PostgreSQL store is, as libpq and JDBC write it; the password never shown. */
class PgUrlTest {

  @TempDir Path home;

  @Test
  void aLibpqUriWithEveryPart() {
    PgUrl u =
        PgUrl.parse(
            "postgresql://ann@db.example:6543/shop?schema=events&sslmode=require", Map.of());

    assertThat(u.user()).isEqualTo("ann");
    assertThat(u.host()).isEqualTo("db.example");
    assertThat(u.port()).isEqualTo(6543);
    assertThat(u.database()).isEqualTo("shop");
    assertThat(u.schema()).isEqualTo("events");
    assertThat(u.sslMode()).isEqualTo("require");
    assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/shop");
    assertThat(u.display())
        .isEqualTo("postgresql://ann@db.example:6543/shop?schema=events&sslmode=require");
  }

  @Test
  void aTableNamesOneOfSeveralStoresInASchema() {
    PgUrl u = PgUrl.parse("postgresql://ann@db:5432/bank?table=bankaccounts_events", Map.of());
    assertThat(u.table()).isEqualTo("bankaccounts_events");
    assertThat(u.schema()).isNull();
    assertThat(u.display()).isEqualTo("postgresql://ann@db:5432/bank?table=bankaccounts_events");
    assertThat(u.withSchema("public").display())
        .isEqualTo("postgresql://ann@db:5432/bank?schema=public&table=bankaccounts_events");
    assertThat(u.withTable(null).display()).isEqualTo("postgresql://ann@db:5432/bank");
    assertThat(PgUrl.parse("postgresql://ann@db/bank?table=", Map.of()).table()).isNull();
  }

  @Test
  void aJdbcUrlAndLibpqDefaults() {
    PgUrl u = PgUrl.parse("jdbc:postgresql://[::1]/shop?user=bob&currentSchema=mt", Map.of());
    assertThat(u.host()).isEqualTo("::1");
    assertThat(u.port()).isEqualTo(5432);
    assertThat(u.user()).isEqualTo("bob");
    assertThat(u.schema()).isEqualTo("mt");
    assertThat(u.display()).isEqualTo("postgresql://bob@[::1]:5432/shop?schema=mt");

    PgUrl bare = PgUrl.parse("postgres://", Map.of("PGUSER", "carol", "PGHOST", "pg.local"));
    assertThat(bare.user()).isEqualTo("carol");
    assertThat(bare.host()).isEqualTo("pg.local");
    assertThat(bare.database()).isEqualTo("carol");
  }

  @Test
  void aPasswordInTheUrlIsUsedButNeverShown() {
    PgUrl u = PgUrl.parse("postgresql://ann:s3cret@h/db", Map.of());
    PgUrl j = PgUrl.parse("jdbc:postgresql://h/db?user=ann&password=s3cret", Map.of());

    assertThat(u.password(Map.of(), home)).contains("s3cret");
    assertThat(j.password(Map.of(), home)).contains("s3cret");
    assertThat(u.display()).doesNotContain("s3cret");
    assertThat(u.toString()).doesNotContain("s3cret");
    assertThat(j.display()).doesNotContain("s3cret");
    assertThatThrownBy(() -> PgUrl.parse("postgresql://ann:s3cret@h/db?colour=red", Map.of()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("unknown URL parameter colour")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void thePasswordComesFromPgpasswordThenThePasswordFile() throws Exception {
    PgUrl u = PgUrl.parse("postgresql://ann@db.example:5432/shop", Map.of());
    Files.writeString(
        home.resolve(".pgpass"),
        String.join(
            "\n",
            "# comments and other servers first",
            "other:5432:shop:ann:wrong",
            "db.example:5432:shop:bob:wrong",
            "db.example:*:shop:ann:pa\\:ss\\\\word",
            "*:*:*:*:fallback",
            ""));

    assertThat(u.password(Map.of("PGPASSWORD", "from-env"), home)).contains("from-env");
    assertThat(u.password(Map.of(), home)).contains("pa:ss\\word");
    assertThat(PgUrl.parse("postgresql://zed@x/y", Map.of()).password(Map.of(), home))
        .contains("fallback");
    Path elsewhere = home.resolve("elsewhere.pgpass");
    Files.writeString(elsewhere, "*:*:*:ann:from-pgpassfile\n");
    assertThat(u.password(Map.of("PGPASSFILE", elsewhere.toString()), home))
        .contains("from-pgpassfile");
    assertThat(u.password(Map.of(), home.resolve("nobody"))).isEmpty();
  }

  @Test
  void onlyPostgresqlUrlsAreUrls() {
    assertThat(PgUrl.isUrl("postgresql://h/db")).isTrue();
    assertThat(PgUrl.isUrl("POSTGRES://h/db")).isTrue();
    assertThat(PgUrl.isUrl("jdbc:postgresql://h/db")).isTrue();
    assertThat(PgUrl.isUrl("shop.db")).isFalse();
    assertThat(PgUrl.isUrl("mysql://h/db")).isFalse();
    assertThatThrownBy(() -> PgUrl.parse("postgresql://h:port/db", Map.of()))
        .hasMessageContaining("not a port number");
  }
}
