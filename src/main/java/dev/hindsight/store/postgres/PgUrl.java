package dev.hindsight.store.postgres;

import dev.hindsight.store.StoreException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a PostgreSQL store is: a libpq connection URI ({@code postgresql://user@host:port/db
 * ?schema=S&table=T&sslmode=M}, also {@code postgres://}) or a JDBC URL ({@code
 * jdbc:postgresql://host:port/db?user=U&currentSchema=S}). Missing parts default as libpq's do:
 * host {@code localhost}, port 5432, user {@code PGUSER} or the OS user, database the user's name.
 * The password is never part of what is shown or kept ({@link #display}); it comes from the URL,
 * {@code PGPASSWORD}, or the password file ({@link #password}).
 *
 * @param user the role to connect as
 * @param host the server's host
 * @param port its port
 * @param database the database
 * @param schema the schema to look in first, or null for every schema the role can read
 * @param table the one event table to open, or null: for a schema that holds several stores side by
 *     side (each Python eventsourcing application has its own {@code <app>_events} table)
 * @param sslMode libpq's {@code sslmode}, or null for the driver's default
 * @param givenPassword a password written in the URL itself, or null
 */
public record PgUrl(
    String user,
    String host,
    int port,
    String database,
    String schema,
    String table,
    String sslMode,
    String givenPassword) {

  /** Whether {@code text} is a PostgreSQL URL rather than a file name. */
  public static boolean isUrl(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    return t.startsWith("postgresql://")
        || t.startsWith("postgres://")
        || t.startsWith("jdbc:postgresql://");
  }

  /** Parses a URL, with libpq's defaults from the process environment. */
  public static PgUrl parse(String text) {
    return parse(text, System.getenv());
  }

  /** Parses a URL, with libpq's defaults from {@code env}. */
  public static PgUrl parse(String text, Map<String, String> env) {
    if (!isUrl(text)) {
      throw new StoreException(
          "not a PostgreSQL URL: " + text + " (postgresql://user@host:port/db?schema=S)");
    }
    boolean jdbc = text.toLowerCase(Locale.ROOT).startsWith("jdbc:");
    String rest = text.substring(text.indexOf("://") + 3);
    String query = "";
    int q = rest.indexOf('?');
    if (q >= 0) {
      query = rest.substring(q + 1);
      rest = rest.substring(0, q);
    }
    String path = "";
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      path = rest.substring(slash + 1);
      rest = rest.substring(0, slash);
    }
    String user = null;
    String password = null;
    int at = rest.lastIndexOf('@');
    if (at >= 0) {
      String info = rest.substring(0, at);
      rest = rest.substring(at + 1);
      int colon = info.indexOf(':');
      user = decode(colon < 0 ? info : info.substring(0, colon));
      password = colon < 0 ? null : decode(info.substring(colon + 1));
    }
    String host = rest;
    int port = 5432;
    int colon = hostPortColon(rest);
    if (colon >= 0) {
      host = rest.substring(0, colon);
      String p = rest.substring(colon + 1);
      try {
        port = Integer.parseInt(p);
      } catch (NumberFormatException e) {
        throw new StoreException("not a port number in " + safe(text) + ": '" + p + "'");
      }
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    Map<String, String> params = params(query);
    user = first(user, params.remove("user"), env.get("PGUSER"), System.getProperty("user.name"));
    password = first(password, params.remove("password"));
    String database =
        first(decode(path).isEmpty() ? null : decode(path), env.get("PGDATABASE"), user);
    String schema = first(params.remove("schema"), params.remove("currentSchema"));
    String table = params.remove("table");
    String sslMode = first(params.remove("sslmode"), env.get("PGSSLMODE"));
    if (!params.isEmpty()) {
      throw new StoreException(
          "unknown "
              + (jdbc ? "JDBC" : "URL")
              + " parameter"
              + (params.size() == 1 ? " " : "s ")
              + String.join(", ", params.keySet())
              + " in "
              + safe(text)
              + " (known: schema, table, sslmode, user)");
    }
    return new PgUrl(
        user,
        host.isEmpty() ? first(env.get("PGHOST"), "localhost") : host,
        port,
        database,
        schema,
        table == null || table.isEmpty() ? null : table,
        sslMode,
        password);
  }

  /** The same URL with another schema (null: every schema). */
  public PgUrl withSchema(String schema) {
    return new PgUrl(user, host, port, database, schema, table, sslMode, givenPassword);
  }

  /** The same URL naming one event table (null: any that holds a store). */
  public PgUrl withTable(String table) {
    return new PgUrl(user, host, port, database, schema, table, sslMode, givenPassword);
  }

  /** The URL for people, logs, recent lists and reports: never with a password. */
  public String display() {
    StringBuilder b =
        new StringBuilder("postgresql://")
            .append(user)
            .append('@')
            .append(host.contains(":") ? "[" + host + "]" : host)
            .append(':')
            .append(port)
            .append('/')
            .append(database);
    List<String> params = new ArrayList<>();
    if (schema != null) {
      params.add("schema=" + schema);
    }
    if (table != null) {
      params.add("table=" + table);
    }
    if (sslMode != null) {
      params.add("sslmode=" + sslMode);
    }
    if (!params.isEmpty()) {
      b.append('?').append(String.join("&", params));
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return display();
  }

  /** The JDBC URL to connect with (no user or password in it: those go as properties). */
  public String jdbcUrl() {
    return "jdbc:postgresql://"
        + (host.contains(":") ? "[" + host + "]" : host)
        + ":"
        + port
        + "/"
        + database;
  }

  /**
   * The password: written in the URL, else {@code PGPASSWORD}, else the first matching line of the
   * password file ({@code PGPASSFILE}, or {@code ~/.pgpass}; {@code hostname:port:database:username
   * :password}, {@code *} matching anything, {@code \:} and {@code \\} escaped); empty when none.
   */
  public Optional<String> password(Map<String, String> env, Path home) {
    if (givenPassword != null) {
      return Optional.of(givenPassword);
    }
    String fromEnv = env.get("PGPASSWORD");
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return Optional.of(fromEnv);
    }
    String file = env.get("PGPASSFILE");
    Path pgpass = file != null && !file.isEmpty() ? Path.of(file) : home.resolve(".pgpass");
    if (!Files.isRegularFile(pgpass)) {
      return Optional.empty();
    }
    try {
      for (String line : Files.readAllLines(pgpass, StandardCharsets.UTF_8)) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        List<String> f = fields(line);
        if (f.size() == 5
            && matches(f.get(0), host)
            && matches(f.get(1), Integer.toString(port))
            && matches(f.get(2), database)
            && matches(f.get(3), user)) {
          return Optional.of(f.get(4));
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** The password from the process's environment and home folder. */
  public Optional<String> password() {
    return password(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  private static boolean matches(String pattern, String value) {
    return pattern.equals("*") || pattern.equals(value);
  }

  /** A password-file line's fields, split at unescaped colons. */
  private static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        f.append(line.charAt(++i));
      } else if (c == ':' && out.size() < 4) {
        out.add(f.toString());
        f.setLength(0);
      } else {
        f.append(c);
      }
    }
    out.add(f.toString());
    return out;
  }

  private static int hostPortColon(String hostPort) {
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      return close >= 0 && close + 1 < hostPort.length() && hostPort.charAt(close + 1) == ':'
          ? close + 1
          : -1;
    }
    return hostPort.lastIndexOf(':');
  }

  private static Map<String, String> params(String query) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      out.put(
          decode(eq < 0 ? pair : pair.substring(0, eq)),
          eq < 0 ? "" : decode(pair.substring(eq + 1)));
    }
    return out;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  @SafeVarargs
  private static <T> T first(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** A URL as given, with any password in it blanked, for an error message. */
  private static String safe(String text) {
    return text.replaceAll("(://[^/@:]*):[^/@]*@", "$1:•••@")
        .replaceAll("(?i)(password=)[^&]*", "$1•••");
  }
}
