package dev.hindsight.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.event.StoredEvent;
import dev.hindsight.replay.Change;
import dev.hindsight.replay.StreamReplay;
import dev.hindsight.store.codec.Json;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTest {

  private static final String ORDER =
      "{\"id\":\"o-1\",\"customer\":{\"email\":\"ada@example.com\",\"name\":\"Ada\","
          + "\"address\":{\"city\":\"Zurich\",\"street\":\"Main 1\"}},"
          + "\"items\":[{\"sku\":\"A\",\"price\":24.00},{\"sku\":\"B\",\"price\":3.50}],"
          + "\"contacts\":[{\"email\":\"bob@example.com\"}]}";

  @Test
  void fieldNamesAnywhereAndPointersWithWhatIsUnderThem() throws Exception {
    Masking masking = Masking.parse(" email, /customer/address ,/items/*/price,");
    JsonNode order = Json.parse(ORDER);

    JsonNode masked = masking.apply(order);

    assertThat(masking.rules()).containsExactly("email", "/customer/address", "/items/*/price");
    assertThat(Json.write(masked))
        .isEqualTo(
            "{\"id\":\"o-1\",\"customer\":{\"email\":\"•••\",\"name\":\"Ada\",\"address\":\"•••\"},"
                + "\"items\":[{\"sku\":\"A\",\"price\":\"•••\"},{\"sku\":\"B\",\"price\":\"•••\"}],"
                + "\"contacts\":[{\"email\":\"•••\"}]}");
    assertThat(Json.write(order)).as("the input is left as it was").isEqualTo(ORDER);
  }

  @Test
  void offOrNoMatchGivesTheSameNode() throws Exception {
    JsonNode order = Json.parse(ORDER);
    assertThat(Masking.off().apply(order)).isSameAs(order);
    assertThat(Masking.parse("password,/nothing/here").apply(order)).isSameAs(order);
    assertThat(Masking.off().on()).isFalse();
  }

  @Test
  void aChangeIsMaskedAsItsPathWouldBe() throws Exception {
    Masking masking = Masking.parse("email,/customer/address");
    Change email =
        new Change(
            "/customer/email", Change.Op.CHANGED, Json.parse("\"a@x\""), Json.parse("\"b@x\""));
    Change city =
        new Change("/customer/address/city", Change.Op.ADDED, null, Json.parse("\"Bern\""));
    Change customer =
        new Change(
            "/customer", Change.Op.ADDED, null, Json.parse("{\"email\":\"c@x\",\"name\":\"C\"}"));
    Change name =
        new Change("/customer/name", Change.Op.CHANGED, Json.parse("\"A\""), Json.parse("\"B\""));

    assertThat(masking.apply(email).line("->")).isEqualTo("~ /customer/email: \"•••\" -> \"•••\"");
    assertThat(masking.apply(city).line("->")).isEqualTo("+ /customer/address/city = \"•••\"");
    assertThat(masking.apply(customer).line("->"))
        .isEqualTo("+ /customer = {\"email\":\"•••\",\"name\":\"C\"}");
    assertThat(masking.apply(name)).isEqualTo(name);
  }

  @ParameterizedTest
  @CsvSource({
    "customer, customer, true",
    "customer, customerId, true",
    "customer, customer_id, true",
    "customer, CustomerId, true",
    "customer, CUSTOMER_ID, true",
    "customer, billing-customer.ref, true",
    "customer, customers, false",
    "customer, accustomer, false",
    "address, shippingAddress, true",
    "address, address2, true",
    "address, ipAddressV4, true",
    "address, addressee, false",
    "customerId, customer_id, true",
    "customerId, CustomerID, true",
    "customerId, customer, false",
    "customerId, billingCustomerIdHash, true",
    "e-mail, e_mail, true",
    "email, e_mail, false",
  })
  void aNameMasksEveryFieldWithItsWordPartsInARow(String rule, String key, boolean masked)
      throws Exception {
    JsonNode doc = Json.parse("{\"" + key + "\":\"x\",\"other\":\"y\"}");

    JsonNode out = Masking.parse(rule).apply(doc);

    assertThat(out.get(key).asText()).isEqualTo(masked ? Masking.MASK : "x");
    assertThat(out.get("other").asText()).isEqualTo("y");
  }

  @Test
  void aChangeUnderAMaskedNameIsMaskedWhateverItsOwnName() throws Exception {
    Masking masking = Masking.parse("address");
    Change street =
        new Change(
            "/shippingAddress/street",
            Change.Op.CHANGED,
            Json.parse("\"Main 1\""),
            Json.parse("\"Side 2\""));
    Change line = new Change("/lines/0/sku", Change.Op.ADDED, null, Json.parse("\"A\""));

    assertThat(masking.apply(street).line("->"))
        .isEqualTo("~ /shippingAddress/street: \"•••\" -> \"•••\"");
    assertThat(masking.apply(line)).isEqualTo(line);
  }

  @Test
  void theRulesCountWhatTheyHideAndCollectTheStringsUnderIt() throws Exception {
    Masking masking = Masking.parse("address,email,sku,/items/*/price");
    Masking.Tally tally = new Masking.Tally();

    masking.apply(Json.parse(ORDER), "", tally);

    assertThat(tally.byRule())
        .containsOnly(
            entry("address", 1), entry("email", 2), entry("sku", 2), entry("/items/*/price", 2));
    // strings of fewer than 3 characters (the skus) and numbers (the prices) are not collected
    assertThat(tally.values())
        .containsOnly(
            entry("ada@example.com", "email"),
            entry("zurich", "address"),
            entry("main 1", "address"),
            entry("bob@example.com", "email"));
  }

  @Test
  void aCollectedValueIsHiddenEverywhereWholeOrInsideLongerStrings() throws Exception {
    Masking masking =
        Masking.parse("email").withValues(Set.of("Zurich", "Ada", "o-1", "ab", "24.00"));
    JsonNode doc =
        Json.parse(
            "{\"city\":\"ZURICH\",\"note\":\"Ada moved to Zurich, near Zurichsee\","
                + "\"who\":\"ada\",\"id\":\"o-1\",\"ref\":\"o-12\",\"tag\":\"ab\","
                + "\"price\":24.00,\"keys\":{\"Zurich\":1}}");
    Masking.Tally tally = new Masking.Tally();

    JsonNode out = masking.apply(doc, "", tally);

    assertThat(masking.values()).containsExactlyInAnyOrder("zurich", "ada", "o-1", "24.00");
    assertThat(Json.write(out))
        .isEqualTo(
            "{\"city\":\"•••\",\"note\":\"Ada moved to •••, near •••see\",\"who\":\"•••\","
                + "\"id\":\"•••\",\"ref\":\"o-12\",\"tag\":\"ab\",\"price\":\"•••\","
                + "\"keys\":{\"Zurich\":1}}");
    assertThat(tally.byValue()).isEqualTo(5);
    assertThat(tally.byRule()).isEmpty();
    assertThat(masking.maskText("Ada lives in Zurich", null)).isEqualTo("Ada lives in •••");
    assertThat(Masking.off().withValues(Set.of("Zurich")).apply(doc)).isSameAs(doc);
  }

  @Test
  void aValueARuleHidesInOnePartOfAPointIsHiddenInTheOthers() throws Exception {
    // the stored event says `customer`; the state the upcaster made names it `clientRef`
    StoredEvent placed =
        new StoredEvent(
            1,
            "order-1",
            1,
            "OrderPlaced",
            null,
            null,
            Json.parse("{\"customer\":\"c-1041\"}"),
            null,
            List.of());
    JsonNode after = Json.parse("{\"clientRef\":\"c-1041\"}");
    StreamReplay.Point p =
        new StreamReplay.Point(
            0,
            Json.parse("{}"),
            after,
            placed,
            null,
            null,
            List.of(new Change("/clientRef", Change.Op.ADDED, null, Json.parse("\"c-1041\""))));

    StreamReplay.Point masked = Masking.parse("customer").apply(p);

    assertThat(Json.write(masked.event().data())).isEqualTo("{\"customer\":\"•••\"}");
    assertThat(Json.write(masked.after())).isEqualTo("{\"clientRef\":\"•••\"}");
    assertThat(masked.changes().get(0).line("->")).isEqualTo("+ /clientRef = \"•••\"");
  }
}
