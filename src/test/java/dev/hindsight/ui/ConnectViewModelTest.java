package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;

/**
 * File › Connect to PostgreSQL…'s rules without a toolkit or a server: the defaults, what is wrong
 * with the fields, the URL they make, and the password going with the connection alone (never in
 * the URL, Open Recent, a target's text or the form once taken).
 */
class ConnectViewModelTest {

  @Test
  void theDefaultsAreLocalhostPort5432AndTheOsUserAndADatabaseIsAskedFor() {
    ConnectViewModel form = new ConnectViewModel("ada");
    assertThat(form.hostProperty().get()).isEqualTo("localhost");
    assertThat(form.portProperty().get()).isEqualTo("5432");
    assertThat(form.userProperty().get()).isEqualTo("ada");
    assertThat(form.schemaProperty().get()).isEmpty();
    assertThat(form.problemProperty().get()).isEqualTo("Give the database's name.");
    assertThat(form.urlProperty().get()).isEmpty();
    assertThat(new ConnectViewModel().userProperty().get())
        .isEqualTo(System.getProperty("user.name"));

    form.databaseProperty().set("shop");
    assertThat(form.problemProperty().get()).isNull();
    assertThat(form.urlProperty().get()).isEqualTo("postgresql://ada@localhost:5432/shop");
  }

  @Test
  void eachWrongFieldIsSaidInOneLine() {
    ConnectViewModel form = new ConnectViewModel("ada");
    form.databaseProperty().set("shop");
    form.portProperty().set("54x");
    assertThat(form.problemProperty().get())
        .isEqualTo("The port is a number from 1 to 65535 (PostgreSQL's is 5432).");
    form.portProperty().set("70000");
    assertThat(form.problemProperty().get()).startsWith("The port is a number");
    form.portProperty().set(" 55432 ");
    form.hostProperty().set(" ");
    assertThat(form.problemProperty().get()).isEqualTo("Give the server's host.");
    form.hostProperty().set("db host");
    assertThat(form.problemProperty().get()).startsWith("A host is a name or an address");
    form.hostProperty().set("db.example.com");
    form.userProperty().set("");
    assertThat(form.problemProperty().get()).isEqualTo("Give the user (role) to connect as.");
    form.userProperty().set("ada");
    assertThat(form.problemProperty().get()).isNull();
    assertThatThrownBy(
            () -> {
              form.databaseProperty().set("");
              form.target();
            })
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Give the database's name.");
  }

  @Test
  void theUrlHasTheSchemaWhenOneIsGivenAndItsPartsEncodedButNeverThePassword() {
    ConnectViewModel form = new ConnectViewModel("ada");
    form.hostProperty().set("::1");
    form.portProperty().set("55432");
    form.databaseProperty().set("event store");
    form.schemaProperty().set("billing");
    form.passwordProperty().set("s3cret");
    assertThat(form.urlProperty().get())
        .isEqualTo("postgresql://ada@[::1]:55432/event%20store?schema=billing");

    StoreTarget t = form.target();
    assertThat(t.isServer()).isTrue();
    assertThat(t.url()).isEqualTo("postgresql://ada@[::1]:55432/event store?schema=billing");
    assertThat(t.password().reveal()).isEqualTo("s3cret");
    assertThat(form.passwordProperty().get()).as("taken, the password leaves the form").isEmpty();
    assertThat(t.toString()).doesNotContain("s3cret");
    assertThat(t.password().toString()).doesNotContain("s3cret");
    assertThat(t.label()).doesNotContain("s3cret");
    assertThat(t).as("a password is no part of which store it is").isEqualTo(t.withPassword(null));

    ConnectViewModel blank = new ConnectViewModel("ada");
    blank.databaseProperty().set("shop");
    assertThat(blank.target().password())
        .as("no password typed: PGPASSWORD, ~/.pgpass or the server's question gives one")
        .isNull();
  }

  @Test
  void theFormStartsFromTheServerConnectedToLast() {
    ConnectViewModel form =
        ConnectViewModel.from("postgresql://grace@db.example.com:6543/ledger?schema=audit");
    assertThat(form.hostProperty().get()).isEqualTo("db.example.com");
    assertThat(form.portProperty().get()).isEqualTo("6543");
    assertThat(form.userProperty().get()).isEqualTo("grace");
    assertThat(form.databaseProperty().get()).isEqualTo("ledger");
    assertThat(form.schemaProperty().get()).isEqualTo("audit");
    assertThat(form.passwordProperty().get()).isEmpty();
    assertThat(form.urlProperty().get())
        .isEqualTo("postgresql://grace@db.example.com:6543/ledger?schema=audit");
    ConnectViewModel none = ConnectViewModel.from(null);
    assertThat(none.hostProperty().get()).isEqualTo("localhost");
    assertThat(none.databaseProperty().get()).isEmpty();
  }

  @Test
  void openRecentKeepsServersWithoutTheirPasswordNextToFiles() throws Exception {
    Preferences prefs = Preferences.userRoot().node("dev/hindsight/test-" + System.nanoTime());
    try {
      RecentFiles recent = new RecentFiles(prefs);
      StoreTarget server =
          StoreTarget.parse("postgresql://ada:s3cret@localhost:55432/shop?schema=s", null);
      assertThat(server.url()).isEqualTo("postgresql://ada@localhost:55432/shop?schema=s");
      assertThat(server.password().reveal()).isEqualTo("s3cret");
      recent.add(StoreTarget.of(Path.of("bank.db")));
      recent.add(server);
      recent.add(server.withPassword("typed-later"));
      List<StoreTarget> list = recent.list();
      assertThat(list)
          .extracting(StoreTarget::label)
          .containsExactly(
              "postgresql://ada@localhost:55432/shop?schema=s",
              Path.of("bank.db").toAbsolutePath().normalize().toString());
      assertThat(list.get(0).isServer()).isTrue();
      assertThat(list.get(0).password()).isNull();
      for (String key : prefs.keys()) {
        assertThat(prefs.get(key, "")).doesNotContain("s3cret").doesNotContain("typed-later");
      }
    } finally {
      prefs.removeNode();
    }
  }

  @Test
  void theWindowsCommandLineTakesAUrlAndKeepsItsPasswordOutOfSight() {
    WindowArgs a =
        WindowArgs.parse(List.of("postgresql://ada:s3cret@localhost:55432/shop", "--stream", "x"));
    assertThat(a.target().url()).isEqualTo("postgresql://ada@localhost:55432/shop");
    assertThat(a.target().password().reveal()).isEqualTo("s3cret");
    assertThat(a.target().toString()).doesNotContain("s3cret");
    assertThatThrownBy(() -> WindowArgs.parse(List.of("postgresql://ada@localhost:port/shop")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a port number");
  }
}
