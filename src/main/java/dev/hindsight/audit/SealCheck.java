package dev.hindsight.audit;

import dev.hindsight.audit.Finding.Severity;
import dev.hindsight.event.Words;
import dev.hindsight.store.EventSource;
import dev.hindsight.store.StoredValue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;

/**
 * What changed in a store since it was sealed: the seal's fingerprint against the store's now. A
 * stream whose chain head and event count are as sealed is unchanged; in any other, the sealed and
 * the present events are paired (same place and version, then the same content wherever it moved,
 * then the same position, then the same version), and what stays unpaired was removed, inserted or
 * appended. A removal hidden by renumbering the rest so shows as the removal and the changed
 * versions it is.
 */
public final class SealCheck {

  public static final String EVENT_CHANGED = "event-changed";
  public static final String EVENT_REMOVED = "event-removed";
  public static final String EVENT_INSERTED = "event-inserted";
  public static final String EVENT_APPENDED = "event-appended";
  public static final String STREAM_REMOVED = "stream-removed";
  public static final String STREAM_ADDED = "stream-added";
  public static final String SEAL_SIGNATURE_INVALID = "seal-signature-invalid";

  /** How long a payload may be to be shown in a message. */
  private static final int SHORT = 120;

  private SealCheck() {}

  /**
   * {@code verify}'s findings with what a seal adds to them: a signature that does not hold (when
   * {@code signatureProblem} says why), and every change since the seal; in report order.
   */
  public static List<Finding> withSeal(
      List<Finding> verified,
      Seal seal,
      String signatureProblem,
      StorePrint now,
      EventSource source) {
    List<Finding> all = new ArrayList<>(verified);
    if (signatureProblem != null) {
      all.add(
          new Finding(SEAL_SIGNATURE_INVALID, Severity.ERROR, null, null, null, signatureProblem));
    }
    all.addAll(compare(seal, now, source));
    all.sort(Verifier.ORDER);
    return List.copyOf(all);
  }

  /** The findings of {@code now} against {@code sealed}, by stream and version. */
  public static List<Finding> compare(StorePrint sealed, StorePrint now) {
    return compare(sealed, now, null);
  }

  /**
   * The findings of {@code now} against {@code sealed}; with {@code source} (the store {@code now}
   * was taken of), a changed payload or metadata that is short is shown as it is now.
   */
  public static List<Finding> compare(StorePrint sealed, StorePrint now, EventSource source) {
    return compare(sealed, now, source, true);
  }

  /**
   * The findings of {@code now} against {@code seal}: against a seal of the whole store, or (a
   * report) only in the streams it names.
   */
  public static List<Finding> compare(Seal seal, StorePrint now, EventSource source) {
    return compare(seal.print(), now, source, seal.wholeStore());
  }

  private static List<Finding> compare(
      StorePrint sealed, StorePrint now, EventSource source, boolean wholeStore) {
    List<Finding> findings = new ArrayList<>();
    if (sealed.digest().equals(now.digest())) {
      return findings;
    }
    Map<String, StorePrint.Stream> present = new HashMap<>();
    now.streams().forEach(s -> present.put(s.stream(), s));
    for (StorePrint.Stream before : sealed.streams()) {
      StorePrint.Stream after = present.remove(before.stream());
      if (after == null) {
        findings.add(
            new Finding(
                STREAM_REMOVED,
                Severity.ERROR,
                before.stream(),
                null,
                null,
                "the stream was removed since the seal ("
                    + Words.count(before.entries().size(), "event")
                    + ", last version "
                    + before.lastVersion()
                    + ")"));
      } else if (!before.head().equals(after.head())
          || before.entries().size() != after.entries().size()) {
        compare(before, after, findings, source);
      }
    }
    for (StorePrint.Stream added : now.streams()) {
      if (wholeStore && present.containsKey(added.stream())) {
        findings.add(
            new Finding(
                STREAM_ADDED,
                Severity.INFO,
                added.stream(),
                null,
                null,
                "a stream the seal does not have ("
                    + Words.count(added.entries().size(), "event")
                    + ")"));
      }
    }
    return findings;
  }

  private static void compare(
      StorePrint.Stream before,
      StorePrint.Stream after,
      List<Finding> findings,
      EventSource source) {
    List<StorePrint.Entry> s = before.entries();
    List<StorePrint.Entry> c = after.entries();
    int[] pairOfSealed = new int[s.size()];
    boolean[] paired = new boolean[c.size()];
    java.util.Arrays.fill(pairOfSealed, -1);
    pair(s, c, pairOfSealed, paired, e -> e.version() + ":" + e.position());
    pairByContent(s, c, pairOfSealed, paired);
    pair(s, c, pairOfSealed, paired, e -> Long.toString(e.position()));
    pair(s, c, pairOfSealed, paired, e -> Long.toString(e.version()));
    int before0 = findings.size();
    long sealedEnd = before.lastVersion();
    for (int i = 0; i < s.size(); i++) {
      StorePrint.Entry was = s.get(i);
      if (pairOfSealed[i] < 0) {
        findings.add(
            new Finding(
                EVENT_REMOVED,
                Severity.ERROR,
                before.stream(),
                was.version(),
                was.position(),
                "version "
                    + was.version()
                    + " ("
                    + describe(was)
                    + ") was removed since the seal"));
      } else {
        StorePrint.Entry is = c.get(pairOfSealed[i]);
        List<String> parts = differences(was, is, now(source, after.stream(), is));
        if (!parts.isEmpty()) {
          findings.add(
              new Finding(
                  EVENT_CHANGED,
                  Severity.ERROR,
                  after.stream(),
                  is.version(),
                  is.position(),
                  "changed since the seal: " + String.join("; ", parts)));
        }
      }
    }
    for (int j = 0; j < c.size(); j++) {
      if (!paired[j]) {
        StorePrint.Entry is = c.get(j);
        boolean appended = is.version() > sealedEnd;
        findings.add(
            new Finding(
                appended ? EVENT_APPENDED : EVENT_INSERTED,
                appended ? Severity.INFO : Severity.ERROR,
                after.stream(),
                is.version(),
                is.position(),
                (appended
                        ? "appended after the seal's end of the stream (version "
                        : "inserted before the seal's end of the stream (version ")
                    + sealedEnd
                    + "): "
                    + describe(is)));
      }
    }
    if (findings.size() == before0) {
      findings.add(
          new Finding(
              EVENT_CHANGED,
              Severity.ERROR,
              after.stream(),
              null,
              null,
              "the stream's chain head differs from the seal's, though every event's print is as"
                  + " sealed: a change in a part the seal keeps only a short hash of"));
    }
  }

  /** Pairs the unpaired by equal keys, in order. */
  private static void pair(
      List<StorePrint.Entry> s,
      List<StorePrint.Entry> c,
      int[] pairOfSealed,
      boolean[] paired,
      java.util.function.Function<StorePrint.Entry, String> key) {
    Map<String, Queue<Integer>> free = new HashMap<>();
    for (int j = 0; j < c.size(); j++) {
      if (!paired[j]) {
        free.computeIfAbsent(key.apply(c.get(j)), k -> new ArrayDeque<>()).add(j);
      }
    }
    for (int i = 0; i < s.size(); i++) {
      if (pairOfSealed[i] < 0) {
        Queue<Integer> q = free.get(key.apply(s.get(i)));
        if (q != null && !q.isEmpty()) {
          int j = q.remove();
          pairOfSealed[i] = j;
          paired[j] = true;
        }
      }
    }
  }

  private static void pairByContent(
      List<StorePrint.Entry> s, List<StorePrint.Entry> c, int[] pairOfSealed, boolean[] paired) {
    pair(
        s,
        c,
        pairOfSealed,
        paired,
        e ->
            String.join(
                "\u0000",
                Objects.toString(e.type()),
                Objects.toString(e.revision()),
                Objects.toString(e.time()),
                Objects.toString(e.data()),
                Objects.toString(e.metadata())));
  }

  /** An event's payload and metadata now, as text (null when not known or not short). */
  private static String[] now(EventSource source, String stream, StorePrint.Entry is) {
    if (source == null) {
      return new String[2];
    }
    return source
        .storedEvent(stream, is.version())
        .filter(e -> e.position() == is.position())
        .map(e -> new String[] {shortText(e.payload()), shortText(e.metadata())})
        .orElse(new String[2]);
  }

  private static String shortText(StoredValue v) {
    String text = v.display();
    return text != null && text.length() <= SHORT ? text : null;
  }

  /** Which parts of an event differ, before → after where they are short. */
  static List<String> differences(StorePrint.Entry was, StorePrint.Entry is, String[] now) {
    List<String> parts = new ArrayList<>();
    if (!Objects.equals(was.type(), is.type())) {
      parts.add("type " + shown(was.type()) + " → " + shown(is.type()));
    }
    if (!Objects.equals(was.time(), is.time())) {
      parts.add("time " + shown(was.time()) + " → " + shown(is.time()));
    }
    if (!Objects.equals(was.data(), is.data())) {
      parts.add(
          "data ("
              + hashes(was.data(), is.data())
              + ")"
              + (now[0] == null ? "" : " now " + now[0]));
    }
    if (!Objects.equals(was.metadata(), is.metadata())) {
      parts.add(
          "metadata ("
              + hashes(was.metadata(), is.metadata())
              + ")"
              + (now[1] == null ? "" : " now " + now[1]));
    }
    if (!Objects.equals(was.revision(), is.revision())) {
      parts.add("revision " + shown(was.revision()) + " → " + shown(is.revision()));
    }
    if (was.version() != is.version()) {
      parts.add("version " + was.version() + " → " + is.version());
    }
    if (was.position() != is.position()) {
      parts.add("position " + was.position() + " → " + is.position());
    }
    return parts;
  }

  private static String hashes(String was, String is) {
    return "SHA-256 " + prefix(was) + "… → " + prefix(is) + "…";
  }

  private static String prefix(String hash) {
    return hash == null ? "NULL" : hash.substring(0, Math.min(8, hash.length()));
  }

  private static String shown(String value) {
    return value == null ? "NULL" : value;
  }

  private static String describe(StorePrint.Entry e) {
    return "position "
        + e.position()
        + (e.type() == null ? "" : ", " + e.type())
        + (e.time() == null ? "" : ", " + e.time());
  }

  /**
   * The store's fingerprint to compare with a seal of the whole store: the heads taken, and the
   * prints of only the streams whose head or count differ from the seal's or that it does not have;
   * the seal read again keeping only those streams' entries.
   */
  public static Compared prepare(
      EventSource source,
      java.nio.file.Path sealFile,
      StorePrint.Heads heads,
      dev.hindsight.replay.Progress progress) {
    Seal detailed =
        Seal.read(
            sealFile,
            (id, head, events) -> {
              StorePrint.Head now = heads.streams().get(id);
              return now == null || !now.head().equals(head) || now.events() != events;
            });
    java.util.Set<String> sealed = new java.util.HashSet<>();
    java.util.Set<String> differ = new java.util.HashSet<>();
    for (StorePrint.Stream s : detailed.print().streams()) {
      sealed.add(s.stream());
      StorePrint.Head now = heads.streams().get(s.stream());
      // (a chain head stands for every event up to it: the same head is the same events)
      if (now != null && !now.head().equals(s.head())) {
        differ.add(s.stream());
      }
    }
    heads.streams().keySet().stream().filter(id -> !sealed.contains(id)).forEach(differ::add);
    return new Compared(detailed, StorePrint.take(source, progress, heads, differ));
  }

  /** A seal as read for comparing, and the store's fingerprint to compare it with. */
  public record Compared(Seal seal, StorePrint now) {}
}
