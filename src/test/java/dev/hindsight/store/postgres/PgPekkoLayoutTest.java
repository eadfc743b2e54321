package dev.hindsight.store.postgres;

import static dev.hindsight.store.postgres.PgTestStores.json;
import static dev.hindsight.store.postgres.PgTestStores.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.hindsight.audit.Verifier;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.replay.Progress;
import dev.hindsight.replay.ReducerSet;
import dev.hindsight.store.EventQuery;
import dev.hindsight.store.postgres.PgTestStores.Read;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pekko Persistence JDBC on PostgreSQL (pg-fixtures/pekko-jdbc.sql), detected and read exactly:
 * serializer ids, the JacksonMigration manifest, epoch-millisecond times, a protobuf payload, and
 * the row {@code deleteMessages(3)} keeps with {@code deleted = TRUE}, which is not an event.
 */
class PgPekkoLayoutTest {

  private static Read event(
      long position, String stream, long version, String manifest, long millis, String json) {
    return new Read(
        position,
        stream,
        version,
        manifest,
        manifest.endsWith("#2") ? "2" : null,
        Instant.ofEpochMilli(millis),
        json.startsWith("{") ? json(json) : text(json),
        NullNode.getInstance(), // meta_payload NULL: no event metadata
        Arrays.asList(null, null, null),
        List.of());
  }

  @Test
  void pekkoJdbcIsDetectedAndEveryLiveRowReadExactly() throws Exception {
    String db = PgTestStores.load("pekko-jdbc.sql", "public");
    try (PostgresEventSource source =
        PostgresEventSource.open(PgServer.url(db), PgServer.READER_PASSWORD, null)) {
      assertThat(source.layout().name()).isEqualTo("pekko-jdbc");

      // cart-3's versions 1-2 were deleted, and version 3 is only the marker delete-to-3 keeps:
      // the stream shows from version 4
      assertThat(source.streams())
          .containsExactly(
              new StreamSummary(
                  "Order|order-77",
                  "Order",
                  2,
                  1,
                  2,
                  Instant.ofEpochMilli(1717236010450L),
                  Instant.ofEpochMilli(1717236011200L)),
              new StreamSummary(
                  "ShoppingCart|cart-1",
                  "ShoppingCart",
                  4,
                  1,
                  4,
                  Instant.ofEpochMilli(1717236000123L),
                  Instant.ofEpochMilli(1717236010000L)),
              new StreamSummary(
                  "ShoppingCart|cart-2",
                  "ShoppingCart",
                  2,
                  1,
                  2,
                  Instant.ofEpochMilli(1717236004000L),
                  Instant.ofEpochMilli(1717236007000L)),
              new StreamSummary(
                  "ShoppingCart|cart-3",
                  "ShoppingCart",
                  1,
                  4,
                  4,
                  Instant.ofEpochMilli(1717322400000L),
                  Instant.ofEpochMilli(1717322400000L)));

      String cart = "com.example.cart.ShoppingCart$";
      assertThat(source.readList(EventQuery.all()))
          .extracting(Read::of)
          .containsExactly(
              event(
                  1,
                  "ShoppingCart|cart-1",
                  1,
                  cart + "ItemAdded",
                  1717236000123L,
                  "{\"cartId\":\"cart-1\",\"itemId\":\"socks\",\"quantity\":2}"),
              event(
                  3,
                  "ShoppingCart|cart-1",
                  2,
                  cart + "ItemAdded",
                  1717236002250L,
                  "{\"cartId\":\"cart-1\",\"itemId\":\"t-shirt\",\"quantity\":1}"),
              event(
                  5,
                  "ShoppingCart|cart-2",
                  1,
                  cart + "ItemAdded",
                  1717236004000L,
                  "{\"cartId\":\"cart-2\",\"itemId\":\"mug\",\"quantity\":4}"),
              event(
                  6,
                  "ShoppingCart|cart-1",
                  3,
                  cart + "ItemQuantityAdjusted#2",
                  1717236005000L,
                  "{\"cartId\":\"cart-1\",\"itemId\":\"socks\",\"newQuantity\":5,"
                      + "\"oldQuantity\":2}"),
              event(
                  8,
                  "ShoppingCart|cart-2",
                  2,
                  cart + "ItemRemoved",
                  1717236007000L,
                  "{\"cartId\":\"cart-2\",\"itemId\":\"mug\",\"oldQuantity\":4}"),
              event(
                  10,
                  "ShoppingCart|cart-1",
                  4,
                  cart + "CheckedOut",
                  1717236010000L,
                  "{\"cartId\":\"cart-1\",\"eventTime\":\"2024-06-01T10:00:10.000Z\","
                      + "\"orderId\":\"order-77\"}"),
              event(
                  11,
                  "Order|order-77",
                  1,
                  "com.example.order.Order$OrderCreated",
                  1717236010450L,
                  "{\"orderId\":\"order-77\",\"cartId\":\"cart-1\",\"items\":{\"socks\":5,"
                      + "\"t-shirt\":1},\"total\":{\"amount\":\"64.90\",\"currency\":\"EUR\"},"
                      + "\"note\":\"Straße №5\"}"),
              // serializer 2 (protobuf): the bytes, shown as hex
              event(
                  12,
                  "Order|order-77",
                  2,
                  "com.example.order.proto.PaymentAuthorized",
                  1717236011200L,
                  "0a086f726465722d373710da321a08617574682d336639"),
              event(
                  16,
                  "ShoppingCart|cart-3",
                  4,
                  cart + "ItemAdded",
                  1717322400000L,
                  "{\"cartId\":\"cart-3\",\"itemId\":\"gloves\",\"quantity\":1}"));

      assertThat(source.storedEvent("ShoppingCart|cart-3", 3)).isEmpty();
      assertThat(source.lastPosition()).isEqualTo(16);

      assertThat(source.snapshots())
          .extracting(Read::of)
          .containsExactly(
              new Read(
                  0,
                  "ShoppingCart|cart-1",
                  3,
                  null,
                  null,
                  null,
                  json("{\"items\":{\"socks\":5,\"t-shirt\":1},\"checkoutDate\":null}"),
                  NullNode.getInstance(),
                  Arrays.asList(null, null, null),
                  List.of()));

      // a stream that starts after deleted versions is not a gap: verify finds nothing
      Verifier.Result verified = Verifier.verify(source, ReducerSet.generic(), Progress.NONE);
      assertThat(verified.findings()).isEmpty();
      assertThat(verified.streams()).isEqualTo(4);
      assertThat(verified.events()).isEqualTo(9);
    }
  }
}
