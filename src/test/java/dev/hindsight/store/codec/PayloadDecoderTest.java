package dev.hindsight.store.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class PayloadDecoderTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void jsonTextAndJsonBytesKeepNumbersExactly() throws Exception {
    String json = "{\"amount\":24.00,\"big\":12345678901234567890123,\"f\":1.10,\"n\":[1,2.50]}";
    Decoded text = PayloadDecoder.decode(json, Encoding.JSON);
    Decoded bytes = PayloadDecoder.decode(utf8(json), Encoding.JSON);

    assertThat(text.problem()).isNull();
    assertThat(Json.write(text.value())).isEqualTo(json);
    assertThat(Json.write(bytes.value())).isEqualTo(json);
    assertThat(text.value().get("amount").decimalValue().toPlainString()).isEqualTo("24.00");
  }

  @Test
  void malformedJsonIsShownRawWithAProblem() {
    Decoded d = PayloadDecoder.decode("{\"a\": 1,,}", Encoding.JSON);

    assertThat(d.value().asText()).isEqualTo("{\"a\": 1,,}");
    assertThat(d.problem()).startsWith("malformed JSON: ");
    assertThat(d.isJson()).isFalse();
  }

  @Test
  void bytesThatAreNotUtf8AreShownAsHex() {
    Decoded d = PayloadDecoder.decode(new byte[] {(byte) 0xff, (byte) 0xfe, 0x41}, Encoding.JSON);

    assertThat(d.value().asText()).isEqualTo("fffe41");
    assertThat(d.problem()).isEqualTo("payload is not UTF-8 text (3 bytes)");
  }

  @Test
  void zlibAndGzipAreUnpacked() throws Exception {
    byte[] json = utf8("{\"x\":1.0}");
    Deflater deflater = new Deflater();
    deflater.setInput(json);
    deflater.finish();
    byte[] buf = new byte[100];
    int n = deflater.deflate(buf);
    byte[] zlib = java.util.Arrays.copyOf(buf, n);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(json);
    }

    assertThat(zlib[0]).isEqualTo((byte) 0x78);
    assertThat(Json.write(PayloadDecoder.decode(zlib, Encoding.ZLIB_JSON).value()))
        .isEqualTo("{\"x\":1.0}");
    assertThat(Json.write(PayloadDecoder.decode(zlib, Encoding.AUTO).value()))
        .isEqualTo("{\"x\":1.0}");
    assertThat(Json.write(PayloadDecoder.decode(gz.toByteArray(), Encoding.JSON).value()))
        .isEqualTo("{\"x\":1.0}");
    assertThat(PayloadDecoder.peek(zlib)).isEqualTo("zlib");
    assertThat(PayloadDecoder.peek(json)).isEqualTo("json");
  }

  @Test
  void cborIsShownAsJson() throws Exception {
    byte[] cbor = new CBORMapper().writeValueAsBytes(Map.of("sku", "A-1"));

    Decoded d = PayloadDecoder.decode(cbor, Encoding.CBOR);

    assertThat(d.problem()).isNull();
    assertThat(Json.write(d.value())).isEqualTo("{\"sku\":\"A-1\"}");
  }

  @Test
  void autoTellsJsonXmlTextAndBinaryApart() {
    assertThat(PayloadDecoder.decode(utf8("[1, 2]"), Encoding.AUTO).value().isArray()).isTrue();
    assertThat(PayloadDecoder.decode(utf8("<a><b>1</b></a>"), Encoding.AUTO).value().asText())
        .isEqualTo("<a><b>1</b></a>");
    assertThat(PayloadDecoder.decode("just words", Encoding.AUTO).value().asText())
        .isEqualTo("just words");
    assertThat(PayloadDecoder.decode(new byte[] {0, 1, 2}, Encoding.AUTO).value().asText())
        .isEqualTo("000102");
  }

  @Test
  void encryptedPayloadsAreSaidToBeEncrypted() {
    Decoded d = PayloadDecoder.decode(new byte[] {9, 8, 7, 6}, Encoding.ENCRYPTED);

    assertThat(d.value().asText()).isEqualTo("[encrypted payload, 4 bytes]");
    assertThat(d.problem()).isEqualTo("encrypted payload (4 bytes)");
    assertThat(PayloadDecoder.peek(new byte[] {9, 8, 7, 6, (byte) 0xff})).isEqualTo("other");
  }

  @Test
  void nullAndNumbersPassThrough() {
    assertThat(PayloadDecoder.decode(null, Encoding.JSON).value().isNull()).isTrue();
    assertThat(PayloadDecoder.decode(42L, Encoding.JSON).value().asLong()).isEqualTo(42L);
  }

  @Test
  void deepNestingIsRefusedWithAProblemNotAStackOverflow() {
    String deep = "[".repeat(5_000) + "]".repeat(5_000);

    Decoded d = PayloadDecoder.decode(deep, Encoding.JSON);

    assertThat(d.problem()).startsWith("malformed JSON: ").contains("nesting depth");
  }
}
