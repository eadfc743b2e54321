package dev.hindsight.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.replay.Progress;
import dev.hindsight.store.sqlite.SqliteEventSource;
import dev.hindsight.store.sqlite.TestStores;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store digest: recomputed here from the README's description alone, unchanged by a copy or a
 * {@code VACUUM}, changed by what is only in the write-ahead log.
 */
class FingerprintsTest {

  static final Path DEMO = Path.of("resources/demo/hindsight-demo.db");

  @TempDir Path dir;

  /** The digest, taken both ways (with every event's print, and alone), which must agree. */
  private static String digest(Path db) {
    try (SqliteEventSource source = SqliteEventSource.open(db, (Path) null)) {
      String withPrints = StorePrint.take(source, Progress.NONE).digest();
      assertThat(StorePrint.digest(source, Progress.NONE)).isEqualTo(withPrints);
      return withPrints;
    }
  }

  @Test
  void theDigestIsWhatTheReadmeSpecifies() throws Exception {
    Path db = TestStores.simpleStore(dir.resolve("mixed.db"), 30, 3);
    try (Connection c = TestStores.connect(db)) {
      // every storage class in some column: an integer time, a real type, a blob payload, NULL
      // metadata, and a stream id beyond ASCII (ordered by its UTF-8 bytes)
      TestStores.exec(
          c, "INSERT INTO events VALUES (3000, 'zürich-1', 1, 1.5, x'00ff10', NULL, 1700000000)");
      TestStores.exec(
          c, "INSERT INTO events VALUES (3001, 'Zulu-1', 1, 'Opened', '{}', '{}', 'soon')");
      TestStores.exec(c, "DROP INDEX events_stream_version");
      // two events with one version: ordered by position in the chain
      TestStores.exec(
          c, "INSERT INTO events VALUES (2999, 'Zulu-1', 1, 'Twin', '{}', '{}', 'soon')");
      // an earlier version written later: the chain follows the versions, not the global order
      TestStores.exec(
          c, "INSERT INTO events VALUES (3005, 'Zulu-1', 0, 'Early', '{}', '{}', 'late')");
    }

    assertThat(digest(db)).isEqualTo(independentDigest(db));
    Path demo = dir.resolve("demo.db");
    Files.copy(DEMO, demo);
    assertThat(digest(demo)).isEqualTo(independentDigest(demo));
  }

  @Test
  void anEmptyStoreHasTheDigestOfNoBytes() throws Exception {
    Path db = dir.resolve("empty.db");
    try (Connection c = TestStores.connect(db)) {
      TestStores.createSchema(c);
    }
    assertThat(digest(db))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void aCopyAndAVacuumChangeNothingWhileTheFileHashDoes() throws Exception {
    Path db = dir.resolve("a.db");
    Files.copy(DEMO, db);
    try (Connection c = TestStores.connect(db)) {
      // leave free pages behind, so VACUUM really rewrites the file
      TestStores.exec(c, "CREATE TABLE scratch(x TEXT)");
      TestStores.exec(c, "INSERT INTO scratch SELECT payload FROM events");
      TestStores.exec(c, "DROP TABLE scratch");
    }
    String before = digest(db);
    Path copy = dir.resolve("copy.db");
    Files.copy(db, copy);
    String fileBefore = TestStores.sha256(db);
    try (Connection c = TestStores.connect(db)) {
      TestStores.exec(c, "VACUUM");
    }

    assertThat(TestStores.sha256(db)).isNotEqualTo(fileBefore);
    assertThat(digest(db)).isEqualTo(before);
    assertThat(digest(copy)).isEqualTo(before);
  }

  @Test
  void aChangeOnlyInTheWalCountsThoughTheMainFileIsUnchanged() throws Exception {
    Path db = dir.resolve("wal.db");
    Files.copy(DEMO, db);
    try (Connection c = TestStores.connect(db)) {
      TestStores.exec(c, "PRAGMA journal_mode=WAL");
    }
    String before = digest(db);
    String mainBefore = TestStores.sha256(db);
    try (Connection writer = TestStores.connect(db)) {
      TestStores.exec(writer, "PRAGMA wal_autocheckpoint=0");
      TestStores.exec(
          writer, "UPDATE events SET payload = replace(payload, '42.00', '4.20') WHERE rowid = 56");

      assertThat(TestStores.sha256(db)).as("the main file").isEqualTo(mainBefore);
      assertThat(Files.size(TestStores.sibling(db, "-wal"))).isPositive();
      assertThat(digest(db)).isNotEqualTo(before);
    }
  }

  @Test
  void thePublicKeyOfAPrivateKeyIsTheOneTheJdkMadeWithIt() throws Exception {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("Ed25519");
    for (int i = 0; i < 20; i++) {
      KeyPair pair = gen.generateKeyPair();
      assertThat(Keys.publicKeyOf(pair.getPrivate()).getEncoded())
          .isEqualTo(pair.getPublic().getEncoded());
    }
  }

  // ---------------------------------------------------------------------------------------
  // the digest as the README describes it, written from that description and nothing else

  private static String independentDigest(Path db) throws Exception {
    Map<String, List<Object[]>> streams = new TreeMap<>(FingerprintsTest::utf8Order);
    try (Connection c = TestStores.connect(db);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT global_position, stream_id, stream_version, typeof(event_type), event_type,"
                    + " typeof(recorded_at), recorded_at, typeof(payload), payload,"
                    + " typeof(metadata), metadata FROM events")) {
      while (rs.next()) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        String stream = rs.getString(2);
        text(out, stream.getBytes(StandardCharsets.UTF_8));
        out.writeByte(1);
        out.writeLong(rs.getLong(3));
        out.writeByte(1);
        out.writeLong(rs.getLong(1));
        value(out, rs, 4); // type
        out.writeByte(0); // the simple layout has no revision column
        value(out, rs, 6); // time
        value(out, rs, 8); // payload
        value(out, rs, 10); // metadata
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
        streams
            .computeIfAbsent(stream, k -> new ArrayList<>())
            .add(new Object[] {rs.getLong(3), rs.getLong(1), hash});
      }
    }
    List<byte[]> leaves = new ArrayList<>();
    for (Map.Entry<String, List<Object[]>> e : streams.entrySet()) {
      List<Object[]> events = e.getValue();
      events.sort(
          (a, b) ->
              a[0].equals(b[0])
                  ? Long.compare((Long) a[1], (Long) b[1])
                  : Long.compare((Long) a[0], (Long) b[0]));
      byte[] head = new byte[32];
      for (Object[] ev : events) {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(head);
        sha.update((byte[]) ev[2]);
        head = sha.digest();
      }
      ByteArrayOutputStream leaf = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(leaf);
      out.writeByte(0);
      text(out, e.getKey().getBytes(StandardCharsets.UTF_8));
      out.writeByte(1);
      out.writeLong(events.size());
      out.write(head);
      leaves.add(MessageDigest.getInstance("SHA-256").digest(leaf.toByteArray()));
    }
    return HexFormat.of().formatHex(merkle(leaves));
  }

  private static byte[] merkle(List<byte[]> leaves) throws Exception {
    if (leaves.size() == 1) {
      return leaves.get(0);
    }
    int k = 1;
    while (k * 2 < leaves.size()) {
      k *= 2;
    }
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update((byte) 1);
    sha.update(merkle(leaves.subList(0, k)));
    sha.update(merkle(leaves.subList(k, leaves.size())));
    return sha.digest();
  }

  private static void value(DataOutputStream out, ResultSet rs, int typeColumn) throws Exception {
    switch (rs.getString(typeColumn)) {
      case "null" -> out.writeByte(0);
      case "integer" -> {
        out.writeByte(1);
        out.writeLong(rs.getLong(typeColumn + 1));
      }
      case "real" -> {
        out.writeByte(2);
        out.writeLong(Double.doubleToLongBits(rs.getDouble(typeColumn + 1)));
      }
      case "text" -> text(out, rs.getString(typeColumn + 1).getBytes(StandardCharsets.UTF_8));
      case "blob" -> {
        byte[] b = rs.getBytes(typeColumn + 1);
        out.writeByte(4);
        out.writeInt(b.length);
        out.write(b);
      }
      default -> throw new AssertionError(rs.getString(typeColumn));
    }
  }

  private static void text(DataOutputStream out, byte[] utf8) throws IOException {
    out.writeByte(3);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static int utf8Order(String a, String b) {
    return java.util.Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
