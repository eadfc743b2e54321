package dev.hindsight.store.sqlite;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * A writer process for the live-store tests: {@code LiveWriter FILE BEFORE AFTER BATCH}. It makes a
 * WAL store in the simple layout with BEFORE events, prints "ready", waits for a line on stdin,
 * then appends AFTER more events in transactions of BATCH, and prints "done". Each event's data
 * says its own number and carries padding, so a torn read would show.
 */
public final class LiveWriter {

  public static void main(String[] args) throws Exception {
    String file = args[0];
    int before = Integer.parseInt(args[1]);
    int after = Integer.parseInt(args[2]);
    int batch = Integer.parseInt(args[3]);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute(
            "CREATE TABLE IF NOT EXISTS events(global_position INTEGER PRIMARY KEY, stream_id TEXT"
                + " NOT NULL, stream_version INTEGER NOT NULL, event_type TEXT NOT NULL, payload"
                + " TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at TEXT NOT NULL)");
        s.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS events_stream_version ON events(stream_id,"
                + " stream_version)");
      }
      // a store written before goes on where it stopped
      int[] versions = new int[5];
      int start = 0;
      try (Statement s = c.createStatement()) {
        var rs = s.executeQuery("SELECT COALESCE(MAX(global_position), 0) FROM events");
        start = rs.next() ? rs.getInt(1) : 0;
        for (int i = 0; i < versions.length; i++) {
          var v =
              s.executeQuery(
                  "SELECT COALESCE(MAX(stream_version), 0) FROM events WHERE stream_id = 's-"
                      + i
                      + "'");
          versions[i] = v.next() ? v.getInt(1) : 0;
        }
      }
      write(c, start, before, batch, versions);
      System.out.println("ready");
      System.out.flush();
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      write(c, start + before, after, batch, versions);
      System.out.println("done");
      System.out.flush();
    }
  }

  private static void write(Connection c, int from, int count, int batch, int[] versions)
      throws Exception {
    String pad = "x".repeat(300);
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO events VALUES (?,?,?,?,?,?,?)")) {
      for (int i = from; i < from + count; i++) {
        int s = i % versions.length;
        versions[s]++;
        ps.setLong(1, i + 1);
        ps.setString(2, "s-" + s);
        ps.setLong(3, versions[s]);
        ps.setString(4, "Happened");
        ps.setString(5, "{\"n\":" + (i + 1) + ",\"pad\":\"" + pad + "\"}");
        ps.setString(6, "{}");
        ps.setString(7, String.format("2026-01-01T00:%02d:%02d.000Z", (i / 60) % 60, i % 60));
        ps.executeUpdate();
        if ((i + 1 - from) % batch == 0) {
          c.commit();
          Thread.sleep(2);
        }
      }
      c.commit();
    }
    c.setAutoCommit(true);
  }
}
