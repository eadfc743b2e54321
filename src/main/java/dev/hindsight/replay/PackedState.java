package dev.hindsight.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A state kept as CBOR bytes: a checkpoint costs a few kilobytes instead of a tree of a few hundred
 * objects, and is unpacked in microseconds when a jump needs it. CBOR keeps what JSON text would
 * lose: a decimal stays a {@link java.math.BigDecimal} with its scale ({@code 24.00}), a double
 * stays a double, so an unpacked state is equal, node for node, to the one packed.
 */
final class PackedState {

  private static final CBORMapper CBOR =
      CBORMapper.builder().disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();

  private final byte[] bytes;

  private PackedState(byte[] bytes) {
    this.bytes = bytes;
  }

  static PackedState pack(JsonNode state) {
    try {
      return new PackedState(CBOR.writeValueAsBytes(state));
    } catch (IOException e) {
      throw new UncheckedIOException("a state could not be packed", e);
    }
  }

  JsonNode unpack() {
    try {
      return CBOR.readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("a packed state could not be read back", e);
    }
  }

  /** The packed size in bytes. */
  int size() {
    return bytes.length;
  }
}
