package dev.hindsight.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.replay.Change;
import dev.hindsight.store.codec.Json;
import org.junit.jupiter.api.Test;

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
}
