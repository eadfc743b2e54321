package dev.hindsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.store.codec.Json;
import dev.hindsight.store.sqlite.TestStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code seal} and {@code verify --against}: copies of the demo store tampered with the way a
 * forger would, each found for what it is; a signed seal edited by one character fails.
 */
class SealCommandTest {

  static final Path DEMO = Path.of("resources/demo/hindsight-demo.db");

  @TempDir Path dir;
  Path db;
  Path seal;

  @BeforeEach
  void sealACopyOfTheDemo() throws Exception {
    db = dir.resolve("store.db");
    Files.copy(DEMO, db);
    seal = dir.resolve("seal.json");
    CliRun run = CliRun.of("seal", db.toString(), "--out", seal.toString());
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("50 streams, 2,245 events");
  }

  private void tamper(String... statements) throws Exception {
    try (Connection c = TestStores.connect(db)) {
      for (String sql : statements) {
        TestStores.exec(c, sql);
      }
    }
  }

  /** The findings of verify --against that are about the seal, as "kind stream version". */
  private List<String> sealFindings(String... extra) throws Exception {
    JsonNode o = verify(extra);
    List<String> found = new ArrayList<>();
    for (JsonNode f : o.get("findings")) {
      String kind = f.get("kind").asText();
      if (kind.startsWith("event-") || kind.startsWith("stream-") || kind.startsWith("seal-")) {
        found.add(kind + " " + f.get("stream").asText() + " " + f.get("version").asText());
      }
    }
    return found;
  }

  private JsonNode verify(String... extra) throws Exception {
    List<String> args =
        new ArrayList<>(List.of("verify", db.toString(), "--against", seal.toString(), "--json"));
    args.addAll(List.of(extra));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.exit()).as(run.toString()).isIn(0, 1);
    return Json.parse(run.out());
  }

  private String message(String kind, String... extra) throws Exception {
    for (JsonNode f : verify(extra).get("findings")) {
      if (f.get("kind").asText().equals(kind)) {
        return f.get("message").asText();
      }
    }
    throw new AssertionError("no " + kind);
  }

  @Test
  void anUntouchedStoreMatchesItsSealAndStaysByteForByteTheSame() throws Exception {
    String before = TestStores.sha256(db);

    JsonNode o = verify();

    assertThat(sealFindings()).isEmpty();
    assertThat(o.get("against").get("matches").asBoolean()).isTrue();
    assertThat(o.get("storeDigest").asText())
        .isEqualTo(Json.parse(Files.readString(seal)).get("store").get("digest").asText());
    assertThat(TestStores.sha256(db)).isEqualTo(before);
  }

  @Test
  void theSealSaysWhatItIsAbout() throws Exception {
    JsonNode s = Json.parse(Files.readString(seal));
    assertThat(s.get("format").asText()).isEqualTo("hindsight-seal/1");
    assertThat(s.get("store").get("layout").asText()).isEqualTo("hindsight-simple");
    assertThat(s.get("store").get("events").asLong()).isEqualTo(2245);
    assertThat(s.get("sealedBy").get("user").asText()).isEqualTo(System.getProperty("user.name"));
    assertThat(s.get("sealedBy").get("host").asText()).isNotBlank();
    assertThat(s.get("hindsight").asText()).startsWith("hindsight ");
    JsonNode order = null;
    for (JsonNode stream : s.get("streams")) {
      if (stream.get("stream").asText().equals("order-1001")) {
        order = stream;
      }
    }
    assertThat(order.get("events").asInt()).isEqualTo(5);
    assertThat(order.get("lastVersion").asInt()).isEqualTo(5);
    assertThat(order.get("head").asText()).hasSize(64);
    assertThat(order.get("entries").get(0).get(2).asText()).isEqualTo("OrderPlaced");
    assertThat(s.has("signature")).isFalse();
  }

  @Test
  void aVacuumAndACopyProduceNothing() throws Exception {
    tamper("VACUUM");
    assertThat(sealFindings()).isEmpty();
    Path copy = dir.resolve("moved.db");
    Files.move(db, copy);
    db = copy;
    assertThat(sealFindings()).isEmpty();
  }

  @Test
  void anAmountChangedIsAnEventChangedInItsData() throws Exception {
    tamper(
        "UPDATE events SET payload = replace(payload, '42.00', '4.20') WHERE global_position = 56");

    assertThat(sealFindings()).containsExactly("event-changed account-operating 21");
    assertThat(message("event-changed"))
        .startsWith("changed since the seal: data (SHA-256 ")
        .endsWith(
            " now {\"amount\":4.20,\"reference\":\"S0302-019\",\"counterparty\":\"card"
                + " terminal\"}");
  }

  @Test
  void anActorChangedInTheMetadataIsAnEventChangedInItsMetadata() throws Exception {
    tamper(
        "UPDATE events SET metadata = replace(metadata, 'bank-feed', 'mallory')"
            + " WHERE global_position = 56");

    assertThat(sealFindings()).containsExactly("event-changed account-operating 21");
    assertThat(message("event-changed"))
        .startsWith("changed since the seal: metadata (SHA-256 ")
        .doesNotContain(" now ") // longer than a message shows
        .doesNotContain("; data (");
  }

  @Test
  void aTypeAndATimeChangedSayBeforeAndAfter() throws Exception {
    tamper(
        "UPDATE events SET event_type = 'OrderCancelled', recorded_at = '2026-03-04T08:00:00.000Z'"
            + " WHERE global_position = 186");

    assertThat(sealFindings()).containsExactly("event-changed order-1001 3");
    assertThat(message("event-changed"))
        .isEqualTo(
            "changed since the seal: type OrderPacked → OrderCancelled; time"
                + " 2026-03-04T08:36:00.000Z → 2026-03-04T08:00:00.000Z");
  }

  @Test
  void theLastEventDeletedIsAnEventRemoved() throws Exception {
    tamper("DELETE FROM events WHERE global_position = 2245");

    assertThat(sealFindings()).containsExactly("event-removed account-operating 888");
    assertThat(message("event-removed"))
        .isEqualTo(
            "version 888 (position 2245, MoneyWithdrawn, "
                + Json.parse(Files.readString(seal))
                    .get("streams")
                    .get(0)
                    .get("entries")
                    .get(887)
                    .get(4)
                    .asText()
                + ") was removed since the seal");
  }

  @Test
  void aRemovalHiddenByRenumberingShowsAsTheRemovalAndTheChangesItIs() throws Exception {
    tamper(
        "DELETE FROM events WHERE stream_id = 'order-1001' AND stream_version = 3",
        "UPDATE events SET stream_version = stream_version + 100"
            + " WHERE stream_id = 'order-1001' AND stream_version > 3",
        "UPDATE events SET stream_version = stream_version - 101"
            + " WHERE stream_id = 'order-1001' AND stream_version > 100");

    assertThat(sealFindings())
        .containsExactly(
            "event-removed order-1001 3",
            "event-changed order-1001 3",
            "event-changed order-1001 4");
    assertThat(message("event-changed")).isEqualTo("changed since the seal: version 4 → 3");
  }

  @Test
  void anEventInsertedBeforeTheEndIsAnErrorAndOneAppendedIsInformation() throws Exception {
    tamper(
        "INSERT INTO events VALUES (5000, 'order-1004', 3, 'OrderPaid', '{}', '{}',"
            + " '2026-03-04T10:00:00.000Z')",
        "INSERT INTO events VALUES (5001, 'order-1001', 6, 'OrderRefunded', '{}', '{}',"
            + " '2026-03-07T10:00:00.000Z')");

    JsonNode o = verify();

    assertThat(sealFindings())
        .containsExactly("event-appended order-1001 6", "event-inserted order-1004 3");
    for (JsonNode f : o.get("findings")) {
      if (f.get("kind").asText().equals("event-appended")) {
        assertThat(f.get("severity").asText()).isEqualTo("info");
        assertThat(f.get("position").asLong()).isEqualTo(5001);
      }
      if (f.get("kind").asText().equals("event-inserted")) {
        assertThat(f.get("severity").asText()).isEqualTo("error");
      }
    }
  }

  @Test
  void aStreamRemovedIsAnErrorAndOneAddedIsInformation() throws Exception {
    tamper(
        "DELETE FROM events WHERE stream_id = 'order-1001'",
        "INSERT INTO events VALUES (5000, 'order-9999', 1, 'OrderPlaced', '{}', '{}',"
            + " '2026-03-30T10:00:00.000Z')");

    assertThat(sealFindings())
        .containsExactly("stream-removed order-1001 null", "stream-added order-9999 null");
  }

  @Test
  void aGrowingStoreIsCleanAndATamperedOneIsNot() throws Exception {
    db = TestStores.simpleStore(dir.resolve("clean.db"), 40, 4);
    seal = dir.resolve("clean.json");
    assertThat(CliRun.of("seal", db.toString(), "--out", seal.toString()).exit()).isZero();
    try (Connection c = TestStores.connect(db)) {
      TestStores.insertRange(c, 41, 44, 4);
    }

    CliRun grown = CliRun.of("verify", db.toString(), "--against", seal.toString());
    assertThat(grown.exit()).as(grown.toString()).isZero();
    assertThat(grown.out()).contains("event-appended").contains("4 for information");

    tamper("UPDATE events SET payload = '{}' WHERE global_position = 3");
    CliRun tampered = CliRun.of("verify", db.toString(), "--against", seal.toString());
    assertThat(tampered.exit()).as(tampered.toString()).isEqualTo(1);
    assertThat(tampered.out()).contains("event-changed");
  }

  @Test
  void aSignedSealEditedByOneCharacterFails() throws Exception {
    Path key = dir.resolve("key.pem");
    Path pub = dir.resolve("pub.pem");
    KeyPair pair = keyPair(key, pub);
    CliRun signed =
        CliRun.of(
            "seal", db.toString(), "--out", seal.toString(), "--sign", key.toString(), "--force");
    assertThat(signed.exit()).as(signed.toString()).isZero();
    assertThat(Json.parse(Files.readString(seal)).get("signature").get("publicKey").asText())
        .isEqualTo(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));

    assertThat(sealFindings("--trust", pub.toString())).isEmpty();
    assertThat(verify("--trust", pub.toString()).get("against").get("signatureValid").asBoolean())
        .isTrue();

    String text = Files.readString(seal, StandardCharsets.UTF_8);
    Files.writeString(seal, text.replaceFirst("\"OrderPlaced\"", "\"OrderPlacet\""));

    assertThat(sealFindings()).contains("seal-signature-invalid null null");
    assertThat(message("seal-signature-invalid")).contains("changed after it was signed");
  }

  @Test
  void aSealSignedByAnotherKeyThanTheTrustedOneFails() throws Exception {
    Path key = dir.resolve("key.pem");
    keyPair(key, dir.resolve("pub.pem"));
    Path other = dir.resolve("other.pem");
    keyPair(dir.resolve("other-key.pem"), other);
    assertThat(
            CliRun.of(
                    "seal",
                    db.toString(),
                    "--out",
                    seal.toString(),
                    "--sign",
                    key.toString(),
                    "--force")
                .exit())
        .isZero();

    assertThat(sealFindings("--trust", other.toString()))
        .containsExactly("seal-signature-invalid null null");
    assertThat(message("seal-signature-invalid", "--trust", other.toString()))
        .isEqualTo("the seal is signed by a key other than the one --trust names");
  }

  @Test
  void anUnsignedSealFailsWhenAKeyIsTrusted() throws Exception {
    Path pub = dir.resolve("pub.pem");
    keyPair(dir.resolve("key.pem"), pub);

    assertThat(sealFindings("--trust", pub.toString()))
        .containsExactly("seal-signature-invalid null null");
  }

  @Test
  void theSealIsNeverWrittenOverTheStoreNorOverAFileUnlessForced() throws Exception {
    String before = TestStores.sha256(db);

    CliRun overStore = CliRun.of("seal", db.toString(), "--out", db.toString(), "--force");
    CliRun existing = CliRun.of("seal", db.toString(), "--out", seal.toString());

    assertThat(overStore.exit()).isEqualTo(2);
    assertThat(overStore.err()).contains("is the store being read; Hindsight never writes over it");
    assertThat(existing.exit()).isEqualTo(2);
    assertThat(existing.err()).contains("--force");
    assertThat(TestStores.sha256(db)).isEqualTo(before);
  }

  @Test
  void aFileThatIsNotASealIsAClearError() throws Exception {
    Path bogus = dir.resolve("bogus.json");
    Files.writeString(bogus, "{\"format\": \"something-else\"}");

    CliRun run = CliRun.of("verify", db.toString(), "--against", bogus.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("is not a Hindsight seal");
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"format\": \"hindsight-seal/1\",\n");
    CliRun cut = CliRun.of("verify", db.toString(), "--against", broken.toString());
    assertThat(cut.exit()).isEqualTo(2);
    assertThat(cut.errLines())
        .singleElement()
        .asString()
        .startsWith("hindsight: " + broken + " is not a readable seal: Unexpected end-of-input")
        .endsWith("(line 2, column 1)");
    CliRun missing = CliRun.of("verify", db.toString(), "--against", "nothere.json");
    assertThat(missing.errLines()).containsExactly("hindsight: no such file: nothere.json");
  }

  @Test
  void aReportCarriesTheDigestAndCanBeCheckedLaterAgainstTheStore() throws Exception {
    Path json = dir.resolve("order-1001.json");
    Path csv = dir.resolve("order-1001.csv");
    Path html = dir.resolve("order-1001.html");
    for (Path out : List.of(json, csv, html)) {
      CliRun run =
          CliRun.of("report", db.toString(), "--stream", "order-1001", "--out", out.toString());
      assertThat(run.exit()).as(run.toString()).isZero();
    }
    String digest = Json.parse(Files.readString(seal)).get("store").get("digest").asText();
    JsonNode report = Json.parse(Files.readString(json));
    assertThat(report.get("store").get("digest").asText()).isEqualTo(digest);
    assertThat(report.get("stream").get("head").asText()).hasSize(64);
    assertThat(report.get("stream").get("fingerprint")).hasSize(5);
    assertThat(Files.readString(csv)).contains("# store digest: " + digest + "\r\n");
    assertThat(Files.readString(html)).contains(digest);

    seal = json;
    JsonNode same = verify();
    assertThat(sealFindings()).isEmpty();
    assertThat(same.get("against").get("matches").asBoolean()).isTrue();
    assertThat(CliRun.of("verify", db.toString(), "--against", json.toString()).out())
        .contains("(a report on order-1001, generated ")
        .contains("the stream is as reported");

    // another stream changing leaves the report's stream as it was, and says nothing of the rest
    tamper("UPDATE events SET payload = '{}' WHERE global_position = 56");
    assertThat(sealFindings()).isEmpty();
    assertThat(verify().get("against").get("matches").asBoolean()).isTrue();

    tamper("UPDATE events SET event_type = 'OrderLost' WHERE global_position = 186");
    assertThat(sealFindings()).containsExactly("event-changed order-1001 3");
    assertThat(verify().get("against").get("matches").asBoolean()).isFalse();
  }

  /** A fresh key pair, written as OpenSSL writes it: PKCS#8 and X.509 PEM. */
  private static KeyPair keyPair(Path privatePem, Path publicPem) throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    return pair;
  }

  private static String pem(String label, byte[] der) {
    return "-----BEGIN "
        + label
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + label
        + "-----\n";
  }
}
