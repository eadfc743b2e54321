package dev.hindsight.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hindsight.store.EventQuery;
import dev.hindsight.store.StoreChoiceException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One database with two libraries' stores, each in its own schema (Message DB in {@code
 * message_store}, Eventuous in {@code eventuous}): opening it without a schema asks which one,
 * naming both; {@code ?schema=} (or {@link PgUrl#withSchema}) opens the one named.
 */
class PgLibrarySchemasTest {

  static String db;

  @BeforeAll
  static void loadBoth() throws Exception {
    db = PgServer.newDatabase("twoschemas");
    PgTestStores.admin(
        db, PgTestStores.fixtureSql("message-db.sql"), PgTestStores.fixtureSql("eventuous.sql"));
    PgServer.grantRead(db, "message_store");
    PgServer.grantRead(db, "eventuous");
  }

  @Test
  void twoStoresInTwoSchemasAskWhichOne() {
    StoreChoiceException choice =
        catchThrowableOfType(() -> PgTestStores.open(db), StoreChoiceException.class);
    assertThat(choice).isNotNull();
    assertThat(choice.getMessage())
        .contains("2 schemas hold a store")
        .contains("eventuous (eventuous-postgresql)")
        .contains("message_store (message-db)")
        .contains("?schema=");
    assertThat(choice.choices())
        .containsExactlyInAnyOrder(
            PgServer.url(db).withSchema("eventuous").display(),
            PgServer.url(db).withSchema("message_store").display());
  }

  @Test
  void theSchemaParameterPicksOne() {
    try (PostgresEventSource eventuous =
        PostgresEventSource.open(
            PgServer.url(db).withSchema("eventuous"), PgServer.READER_PASSWORD, null)) {
      assertThat(eventuous.layout().name()).isEqualTo("eventuous-postgresql");
      assertThat(eventuous.readList(EventQuery.all())).hasSize(12);
    }
    String url =
        PgServer.url(db)
                .display()
                .replace(
                    PgServer.READER + "@", PgServer.READER + ":" + PgServer.READER_PASSWORD + "@")
            + "?schema=message_store";
    try (PostgresEventSource messageDb = PostgresEventSource.open(url, (Path) null)) {
      assertThat(messageDb.layout().name()).isEqualTo("message-db");
      assertThat(messageDb.schema()).isEqualTo("message_store");
      assertThat(messageDb.readList(EventQuery.all())).hasSize(20);
    }
  }
}
