package dev.hindsight.audit;

import dev.hindsight.event.StoredEvent;
import dev.hindsight.store.EventQuery;
import dev.hindsight.store.EventSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a {@code duplicate-version} finding says: where the copies are in the global order, and
 * whether they are the same event written twice (same type, data and metadata) or different events
 * given one version. The copies are read again from the store; duplicates are rare.
 */
final class DuplicateVersions {

  private DuplicateVersions() {}

  /**
   * The message for {@code positions} (ascending) all holding {@code version} of {@code stream}.
   */
  static String message(EventSource source, String stream, long version, List<Long> positions) {
    List<StoredEvent> copies = new ArrayList<>();
    source.read(
        EventQuery.stream(stream).withVersions(version, version),
        e -> {
          if (positions.contains(e.position())) {
            copies.add(e);
          }
          return true;
        });
    return positions.size()
        + " events have version "
        + version
        + " (positions "
        + list(positions)
        + "); "
        + comparison(copies);
  }

  /** "the copies are identical (...)" or "the copies differ in data and metadata". */
  private static String comparison(List<StoredEvent> copies) {
    if (copies.size() < 2) {
      return "the copies could not be read again to compare them";
    }
    StoredEvent first = copies.get(0);
    List<String> differ = new ArrayList<>();
    if (copies.stream().anyMatch(c -> !Objects.equals(c.type(), first.type()))) {
      differ.add("type");
    }
    if (copies.stream().anyMatch(c -> !Objects.equals(c.data(), first.data()))) {
      differ.add("data");
    }
    if (copies.stream().anyMatch(c -> !Objects.equals(c.metadata(), first.metadata()))) {
      differ.add("metadata");
    }
    return differ.isEmpty()
        ? "the copies are identical (same type, data and metadata)"
        : "the copies differ in " + list(differ);
  }

  /** "a", "a and b", "a, b and c". */
  private static String list(List<?> items) {
    List<String> words = items.stream().map(String::valueOf).toList();
    if (words.size() == 1) {
      return words.get(0);
    }
    return String.join(", ", words.subList(0, words.size() - 1))
        + " and "
        + words.get(words.size() - 1);
  }
}
