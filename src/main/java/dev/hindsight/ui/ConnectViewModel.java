package dev.hindsight.ui;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * File › Connect to PostgreSQL…'s rules, without a toolkit: the fields (host, port, database, user,
 * schema, password), their defaults, what is wrong with them, and the URL they make. The URL never
 * holds the password: the password goes with the connection alone ({@link #target}), and is cleared
 * from the form once taken.
 */
public final class ConnectViewModel {

  static final String DEFAULT_HOST = "localhost";
  static final String DEFAULT_PORT = "5432";

  private final StringProperty host = new SimpleStringProperty(this, "host", DEFAULT_HOST);
  private final StringProperty port = new SimpleStringProperty(this, "port", DEFAULT_PORT);
  private final StringProperty database = new SimpleStringProperty(this, "database", "");
  private final StringProperty user = new SimpleStringProperty(this, "user", "");
  private final StringProperty schema = new SimpleStringProperty(this, "schema", "");
  private final StringProperty password = new SimpleStringProperty(this, "password", "");
  private final StringBinding problem =
      Bindings.createStringBinding(this::problemNow, host, port, database, user, schema);
  private final StringBinding url =
      Bindings.createStringBinding(
          () -> problemNow() == null ? urlNow() : "", host, port, database, user, schema);

  /** A form with the defaults: localhost, 5432, the OS user, no database yet. */
  public ConnectViewModel() {
    this(System.getProperty("user.name", ""));
  }

  ConnectViewModel(String osUser) {
    user.set(osUser == null ? "" : osUser);
  }

  /**
   * A form filled from {@code last}, a URL without a password as the window shows one (the server
   * connected to last), or with the defaults when it is null or unreadable.
   */
  static ConnectViewModel from(String last) {
    ConnectViewModel form = new ConnectViewModel();
    if (last == null) {
      return form;
    }
    try {
      URI u = new URI(last);
      if (u.getHost() != null) {
        form.host.set(u.getHost().replaceAll("^\\[|\\]$", ""));
      }
      if (u.getPort() > 0) {
        form.port.set(Integer.toString(u.getPort()));
      }
      if (u.getRawUserInfo() != null) {
        form.user.set(decode(u.getRawUserInfo().replaceFirst(":.*", "")));
      }
      if (u.getRawPath() != null && u.getRawPath().length() > 1) {
        form.database.set(decode(u.getRawPath().substring(1)));
      }
      if (u.getRawQuery() != null) {
        for (String pair : u.getRawQuery().split("&")) {
          if (pair.startsWith("schema=")) {
            form.schema.set(decode(pair.substring("schema=".length())));
          }
        }
      }
    } catch (URISyntaxException | IllegalArgumentException unreadable) {
      // the defaults stay
    }
    return form;
  }

  /** What is wrong with the fields, in one line; null when they make a URL. */
  private String problemNow() {
    if (blank(host)) {
      return "Give the server's host.";
    }
    if (host.get().strip().matches(".*[\\s/?#@].*")) {
      return "A host is a name or an address, without spaces, /, ?, # or @.";
    }
    String p = port.get() == null ? "" : port.get().strip();
    int n;
    try {
      n = Integer.parseInt(p);
    } catch (NumberFormatException e) {
      n = -1;
    }
    if (n < 1 || n > 65535) {
      return "The port is a number from 1 to 65535 (PostgreSQL's is 5432).";
    }
    if (blank(database)) {
      return "Give the database's name.";
    }
    if (blank(user)) {
      return "Give the user (role) to connect as.";
    }
    return null;
  }

  private String urlNow() {
    String h = host.get().strip();
    StringBuilder b =
        new StringBuilder("postgresql://")
            .append(encode(user.get().strip()))
            .append('@')
            .append(h.contains(":") ? "[" + h + "]" : h)
            .append(':')
            .append(Integer.parseInt(port.get().strip()))
            .append('/')
            .append(encode(database.get().strip()));
    if (!blank(schema)) {
      b.append("?schema=").append(encode(schema.get().strip()));
    }
    return b.toString();
  }

  /** What is wrong with the fields, or null: the dialog's OK waits for it to be null. */
  public StringBinding problemProperty() {
    return problem;
  }

  /** The URL the fields make, without a password (empty while they make none). */
  public StringBinding urlProperty() {
    return url;
  }

  /**
   * The store the fields name, with the password typed (none when the field is empty: the
   * environment or the password file may give one, or the server asks), which is then cleared from
   * the form.
   *
   * @throws IllegalStateException when the fields make no URL
   */
  StoreTarget target() {
    String wrong = problemNow();
    if (wrong != null) {
      throw new IllegalStateException(wrong);
    }
    String typed = password.get();
    password.set("");
    StoreTarget t = StoreTarget.url(urlNow());
    return typed == null || typed.isEmpty() ? t : t.withPassword(typed);
  }

  public StringProperty hostProperty() {
    return host;
  }

  public StringProperty portProperty() {
    return port;
  }

  public StringProperty databaseProperty() {
    return database;
  }

  public StringProperty userProperty() {
    return user;
  }

  /** The schema to look in; blank: every schema the user may read. */
  public StringProperty schemaProperty() {
    return schema;
  }

  /** The password, for this connection only; cleared once taken. */
  public StringProperty passwordProperty() {
    return password;
  }

  private static boolean blank(StringProperty p) {
    return p.get() == null || p.get().isBlank();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
