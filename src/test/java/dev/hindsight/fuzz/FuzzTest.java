package dev.hindsight.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.hindsight.event.StreamSummary;
import dev.hindsight.replay.Progress;
import dev.hindsight.replay.ReducerSet;
import dev.hindsight.replay.ReplayOptions;
import dev.hindsight.replay.StreamReplay;
import dev.hindsight.store.EventQuery;
import dev.hindsight.store.LayoutFiles;
import dev.hindsight.store.StoreException;
import dev.hindsight.store.codec.Encoding;
import dev.hindsight.store.codec.PayloadDecoder;
import dev.hindsight.store.sqlite.SqliteEventSource;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of what a user can hand Hindsight: the bytes of a store's pages, payload bytes in
 * every encoding, and mapping files. Whatever the input, no exception but a clear {@link
 * StoreException} leaves the public API, and nothing hangs. Each part runs for a bounded time
 * ({@link #BUDGET_MILLIS}) from a fixed seed, so a failure names the seed and case that made it and
 * reproduces.
 */
@Timeout(180)
class FuzzTest {

  /** Time per part: CI stays fast; raise it with -Dhindsight.fuzz.millis to fuzz longer. */
  static final long BUDGET_MILLIS = Long.getLong("hindsight.fuzz.millis", 15_000);

  static final long SEED = Long.getLong("hindsight.fuzz.seed", 20261125L);

  @TempDir Path dir;

  @Test
  void corruptedPagesGiveAClearErrorOrReadableEvents() throws Exception {
    Path original = dir.resolve("original.db");
    Files.copy(Path.of("resources/demo/hindsight-demo.db"), original);
    long size = Files.size(original);
    Random random = new Random(SEED);
    long end = System.currentTimeMillis() + BUDGET_MILLIS;
    int cases = 0;
    while (System.currentTimeMillis() < end) {
      cases++;
      Path copy = dir.resolve("case-" + cases + ".db");
      Files.copy(original, copy);
      int flips = 1 + random.nextInt(64);
      try (RandomAccessFile f = new RandomAccessFile(copy.toFile(), "rw")) {
        for (int i = 0; i < flips; i++) {
          // mostly inside pages; now and then the header or a page's header
          long at =
              random.nextInt(10) == 0
                  ? random.nextInt(100)
                  : (random.nextInt(4) == 0
                      ? (random.nextLong() & Long.MAX_VALUE) % (size / 4096) * 4096
                      : (random.nextLong() & Long.MAX_VALUE) % size);
          f.seek(at);
          f.write(random.nextInt(256));
        }
      }
      String label = "seed " + SEED + ", case " + cases;
      try (SqliteEventSource source = SqliteEventSource.open(copy, (Path) null)) {
        List<StreamSummary> streams = source.streams();
        int[] n = {0};
        source.read(EventQuery.all(), e -> ++n[0] > 0);
        for (StreamSummary s : streams.subList(0, Math.min(3, streams.size()))) {
          StreamReplay r =
              StreamReplay.build(
                  source,
                  s,
                  ReducerSet.generic().forStream(s.stream(), s.type()),
                  ReplayOptions.defaults(),
                  Progress.NONE);
          if (r.size() > 0) {
            r.stateAfter(r.size() / 2);
          }
        }
      } catch (StoreException clear) {
        assertThat(clear.getMessage()).as(label).isNotBlank().doesNotContain("\tat ");
      } catch (RuntimeException | Error other) {
        fail(label + ": " + other, other);
      }
      Files.delete(copy);
    }
    assertThat(cases).as("cases run").isGreaterThan(10);
  }

  @Test
  void anyPayloadBytesDecodeOrCarryAProblem() {
    Random random = new Random(SEED);
    long end = System.currentTimeMillis() + BUDGET_MILLIS / 3;
    int cases = 0;
    String[] seeds = {
      "{\"a\":1,\"b\":[true,null,\"x\"]}", "[1,2,3]", "\"text\"", "<x a='1'>y</x>", "42"
    };
    while (System.currentTimeMillis() < end) {
      cases++;
      byte[] bytes;
      if (random.nextBoolean()) {
        bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
      } else {
        bytes = seeds[random.nextInt(seeds.length)].getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 1 + random.nextInt(4) && bytes.length > 0; i++) {
          bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
      }
      for (Encoding encoding : Encoding.values()) {
        if (encoding == Encoding.SERIALIZER) {
          continue; // resolved by the caller to one of the others
        }
        for (Object raw : new Object[] {bytes, new String(bytes, StandardCharsets.ISO_8859_1)}) {
          try {
            dev.hindsight.store.codec.Decoded d = PayloadDecoder.decode(raw, encoding);
            assertThat(d.value() != null || d.problem() != null)
                .as("case %d %s", cases, encoding)
                .isTrue();
          } catch (RuntimeException | Error other) {
            fail("seed " + SEED + ", case " + cases + ", " + encoding + ": " + other, other);
          }
        }
      }
    }
    assertThat(cases).isGreaterThan(100);
  }

  @Test
  void anyMappingFileLoadsOrSaysWhatIsWrong() throws Exception {
    String base =
        Files.readString(Path.of("resources/layouts/02-emmett.json"), StandardCharsets.UTF_8);
    String[] pieces = {
      "null", "1", "\"\"", "[]", "{}", "\"x\"", "true", "{\"column\":1}", "\"{prefix}\"", "-1"
    };
    Random random = new Random(SEED);
    long end = System.currentTimeMillis() + BUDGET_MILLIS / 3;
    int cases = 0;
    while (System.currentTimeMillis() < end) {
      cases++;
      StringBuilder text = new StringBuilder(base);
      for (int i = 0; i < 1 + random.nextInt(3); i++) {
        int at = random.nextInt(text.length());
        switch (random.nextInt(3)) {
          case 0 -> text.deleteCharAt(at);
          case 1 -> text.insert(at, pieces[random.nextInt(pieces.length)]);
          default -> {
            // replace a value after a colon with a piece of another type
            int colon = text.indexOf(":", at);
            if (colon > 0) {
              int stop = colon + 1;
              while (stop < text.length() && ",}]".indexOf(text.charAt(stop)) < 0) {
                stop++;
              }
              text.replace(colon + 1, stop, pieces[random.nextInt(pieces.length)]);
            }
          }
        }
      }
      try {
        LayoutFiles.parse(text.toString(), "fuzz.json");
      } catch (StoreException clear) {
        assertThat(clear.getMessage()).isNotBlank();
      } catch (RuntimeException | Error other) {
        fail("seed " + SEED + ", case " + cases + ": " + other + "\n" + text, other);
      }
    }
    assertThat(cases).isGreaterThan(100);
  }
}
