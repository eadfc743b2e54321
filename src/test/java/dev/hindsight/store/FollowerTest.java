package dev.hindsight.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hindsight.event.StoredEvent;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.store.EventSource.Change;
import dev.hindsight.store.Follower.Polled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The follower on sources that are not SQLite: one over a plain list, with no way to tell a change
 * (the interface's defaults), and the same list with a scripted {@link EventSource#poll}.
 */
class FollowerTest {

  /** Events in a list, read as a store reads them; {@link #poll} says what {@link #next} says. */
  private static final class ListSource implements EventSource {
    final List<StoredEvent> events;
    Change next;
    boolean busyOnce;
    boolean closed;
    boolean late;
    int reads;

    ListSource(List<StoredEvent> events, Change next) {
      this.events = events;
      this.next = next;
    }

    @Override
    public String location() {
      return "in-memory";
    }

    @Override
    public EventSource reopen() {
      return this;
    }

    @Override
    public Layout layout() {
      return null;
    }

    @Override
    public List<StreamSummary> streams() {
      return events.stream()
          .map(StoredEvent::stream)
          .distinct()
          .sorted()
          .map(this::summary)
          .toList();
    }

    @Override
    public Optional<StreamSummary> stream(String stream) {
      return hasStream(stream) ? Optional.of(summary(stream)) : Optional.empty();
    }

    private StreamSummary summary(String stream) {
      List<StoredEvent> of = events.stream().filter(e -> e.stream().equals(stream)).toList();
      return new StreamSummary(
          stream,
          null,
          of.size(),
          of.get(0).version(),
          of.get(of.size() - 1).version(),
          null,
          null);
    }

    @Override
    public boolean hasStream(String stream) {
      return events.stream().anyMatch(e -> e.stream().equals(stream));
    }

    @Override
    public void read(EventQuery query, Predicate<StoredEvent> sink) {
      reads++;
      if (busyOnce) {
        busyOnce = false;
        throw new StoreBusyException("in-memory is locked by another program", null);
      }
      List<StoredEvent> selected =
          events.stream()
              .filter(e -> query.stream() == null || e.stream().equals(query.stream()))
              .filter(e -> query.fromVersion() == null || e.version() >= query.fromVersion())
              .filter(e -> query.toVersion() == null || e.version() <= query.toVersion())
              .sorted(
                  query.stream() == null
                      ? Comparator.comparingLong(StoredEvent::position)
                      : Comparator.comparingLong(StoredEvent::version))
              .toList();
      for (StoredEvent e : selected) {
        if (!sink.test(e)) {
          return;
        }
      }
    }

    @Override
    public boolean lateCommits() {
      return late;
    }

    @Override
    public Change poll() {
      return next == null ? EventSource.super.poll() : next;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private static StoredEvent event(long position, String stream, long version) {
    return new StoredEvent(
        position,
        stream,
        version,
        "Happened",
        null,
        null,
        JsonNodeFactory.instance.objectNode().put("n", position),
        null,
        List.of());
  }

  private static List<StoredEvent> events(long from, long to) {
    List<StoredEvent> list = new ArrayList<>();
    for (long p = from; p <= to; p++) {
      list.add(event(p, "s-" + (p % 2), (p + 1) / 2));
    }
    return list;
  }

  @Test
  void aSourceThatCannotTellAChangeIsFollowedAsAStoreNothingIsWrittenTo() {
    List<StoredEvent> list = new ArrayList<>(events(1, 4));
    ListSource source = new ListSource(list, null);
    try (Follower all = new Follower(() -> source, null);
        Follower one = new Follower(() -> source, "s-1")) {
      list.addAll(events(5, 8));
      List<StoredEvent> seen = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        assertThat(all.poll(seen::add)).isEqualTo(new Polled(0, false));
        assertThat(one.poll(seen::add)).isEqualTo(new Polled(0, false));
      }
      assertThat(seen).isEmpty();
      assertThat(all.source()).isSameAs(source);
    }
  }

  @Test
  void theDefaultsReadAfterAPositionAndFindTheLastOne() {
    ListSource source = new ListSource(new ArrayList<>(events(1, 6)), null);
    assertThat(source.lastPosition()).isEqualTo(6);
    assertThat(new ListSource(new ArrayList<>(), null).lastPosition()).isZero();
    List<StoredEvent> after = new ArrayList<>();
    source.readAfter(3, e -> after.add(e) && e.position() < 5);
    assertThat(after).extracting(StoredEvent::position).containsExactly(4L, 5L);
  }

  @Test
  void aChangedSourceHandsOverItsNewEventsOnceInOrderWithTheDefaultReads() {
    List<StoredEvent> list = new ArrayList<>(events(1, 4));
    ListSource source = new ListSource(list, Change.NONE);
    try (Follower all = new Follower(() -> source, null);
        Follower one = new Follower(() -> source, "s-1")) {
      list.addAll(events(5, 9));
      source.next = Change.CHANGED;
      List<StoredEvent> seen = new ArrayList<>();
      List<StoredEvent> seenOne = new ArrayList<>();
      assertThat(all.poll(seen::add)).isEqualTo(new Polled(5, false));
      assertThat(one.poll(seenOne::add)).isEqualTo(new Polled(3, false));
      assertThat(all.poll(seen::add)).as("nothing new").isEqualTo(new Polled(0, false));
      assertThat(seen).extracting(StoredEvent::position).containsExactly(5L, 6L, 7L, 8L, 9L);
      assertThat(seenOne).extracting(StoredEvent::version).containsExactly(3L, 4L, 5L);
    }
  }

  @Test
  void aSourceThatSaysReopenIsOpenedAgainAndThePollSaysSo() {
    List<StoredEvent> list = new ArrayList<>(events(1, 4));
    ListSource first = new ListSource(list, Change.NONE);
    ListSource second = new ListSource(list, Change.NONE);
    List<ListSource> opened = new ArrayList<>(List.of(first, second));
    try (Follower all = new Follower(() -> opened.remove(0), null)) {
      list.addAll(events(5, 6));
      first.next = Change.REOPEN;
      List<StoredEvent> seen = new ArrayList<>();
      assertThat(all.poll(seen::add)).isEqualTo(new Polled(2, true));
      assertThat(all.source()).isSameAs(second);
      assertThat(first.closed).isTrue();
      assertThat(all.poll(seen::add)).isEqualTo(new Polled(0, false));
      assertThat(seen).extracting(StoredEvent::position).containsExactly(5L, 6L);
    }
  }

  @Test
  void aBusyReadGivesNoEventsAndTheNextPollReadsThemEvenIfTheSourceSaysNothingMore() {
    List<StoredEvent> list = new ArrayList<>(events(1, 4));
    ListSource source = new ListSource(list, Change.NONE);
    try (Follower all = new Follower(() -> source, null)) {
      list.addAll(events(5, 6));
      source.next = Change.CHANGED;
      source.busyOnce = true;
      List<StoredEvent> seen = new ArrayList<>();
      assertThat(all.poll(seen::add)).isEqualTo(new Polled(0, false));
      source.next = Change.NONE; // the change was seen by the busy poll, and is not said again
      assertThat(all.poll(seen::add)).isEqualTo(new Polled(2, false));
      assertThat(seen).extracting(StoredEvent::position).containsExactly(5L, 6L);
    }
  }

  /** A clock the test moves. */
  private static final class Clock implements java.util.function.LongSupplier {
    long nanos;

    @Override
    public long getAsLong() {
      return nanos;
    }
  }

  @Test
  void aLateCommitBelowTheHighestPositionIsHandedOverOnceAtTheNextPollThoughThePollSaysNothing() {
    List<StoredEvent> list = new ArrayList<>(events(1, 4));
    ListSource source = new ListSource(list, Change.NONE);
    source.late = true;
    Clock clock = new Clock();
    try (Follower all = new Follower(() -> source, null, Duration.ofSeconds(60), clock)) {
      List<StoredEvent> seen = new ArrayList<>();
      list.addAll(List.of(event(6, "s-0", 3), event(8, "s-0", 4))); // 5 and 7 in flight
      source.next = Change.CHANGED;
      assertThat(all.poll(seen::add)).isEqualTo(new Polled(2, false));
      source.next = Change.NONE; // the highest position does not move again
      list.add(event(7, "s-1", 4));
      assertThat(all.poll(seen::add)).isEqualTo(new Polled(1, false));
      assertThat(all.poll(seen::add)).as("7 again? no").isEqualTo(new Polled(0, false));
      list.add(event(5, "s-1", 3));
      list.add(event(9, "s-1", 5));
      source.next = Change.CHANGED;
      assertThat(all.poll(seen::add))
          .as("5 and 9, in global order")
          .isEqualTo(new Polled(2, false));
      source.next = Change.NONE;
      int reads = source.reads;
      assertThat(all.poll(seen::add)).isEqualTo(new Polled(0, false));
      assertThat(source.reads).as("no gap open: nothing read").isEqualTo(reads);
      assertThat(seen).extracting(StoredEvent::position).containsExactly(6L, 8L, 7L, 5L, 9L);
    }
  }

  @Test
  void aGapIsGivenUpAfterTheTimeoutAndThenNoLongerRead() {
    List<StoredEvent> list = new ArrayList<>(events(1, 4));
    ListSource source = new ListSource(list, Change.NONE);
    source.late = true;
    Clock clock = new Clock();
    try (Follower all = new Follower(() -> source, null, Duration.ofSeconds(10), clock)) {
      List<StoredEvent> seen = new ArrayList<>();
      list.add(event(6, "s-0", 3)); // 5 rolled back, or very slow
      source.next = Change.CHANGED;
      assertThat(all.poll(seen::add)).isEqualTo(new Polled(1, false));
      source.next = Change.NONE;
      clock.nanos = Duration.ofSeconds(9).toNanos();
      int reads = source.reads;
      assertThat(all.poll(seen::add)).isEqualTo(new Polled(0, false));
      assertThat(source.reads).as("the open gap is read").isEqualTo(reads + 1);
      clock.nanos = Duration.ofSeconds(10).toNanos();
      list.add(event(5, "s-1", 3)); // later than the follower waits
      assertThat(all.poll(seen::add)).isEqualTo(new Polled(0, false));
      assertThat(source.reads).as("given up: not read").isEqualTo(reads + 1);
      assertThat(seen).extracting(StoredEvent::position).containsExactly(6L);
    }
  }

  @Test
  void aTransactionInFlightWhenTheFollowerIsMadeIsNotMissed() {
    List<StoredEvent> list = new ArrayList<>(events(1, 3));
    list.add(event(5, "s-1", 3)); // 4 took its position before 5 and has not committed
    ListSource source = new ListSource(list, Change.NONE);
    source.late = true;
    try (Follower all = new Follower(() -> source, null, Duration.ofSeconds(60), new Clock())) {
      List<StoredEvent> seen = new ArrayList<>();
      assertThat(all.poll(seen::add)).isEqualTo(new Polled(0, false));
      list.add(event(4, "s-0", 2));
      assertThat(all.poll(seen::add)).isEqualTo(new Polled(1, false));
      assertThat(seen).extracting(StoredEvent::position).containsExactly(4L);
    }
  }

  @Test
  void aStreamFollowerOnASourceWithLateCommitsReadsItsStreamAtEveryPoll() {
    List<StoredEvent> list = new ArrayList<>(events(1, 4));
    ListSource source = new ListSource(list, Change.NONE);
    source.late = true;
    try (Follower one = new Follower(() -> source, "s-1")) {
      list.add(event(5, "s-1", 3)); // committed late: the highest position did not move
      List<StoredEvent> seen = new ArrayList<>();
      assertThat(one.poll(seen::add)).isEqualTo(new Polled(1, false));
      assertThat(one.poll(seen::add)).isEqualTo(new Polled(0, false));
      assertThat(seen).extracting(StoredEvent::version).containsExactly(3L);
    }
  }

  @Test
  void aStopOfTheSinkLeavesTheRestOfTheGapsForTheNextPoll() {
    List<StoredEvent> list = new ArrayList<>(events(1, 2));
    ListSource source = new ListSource(list, Change.NONE);
    source.late = true;
    try (Follower all = new Follower(() -> source, null, Duration.ofSeconds(60), new Clock())) {
      list.add(event(6, "s-0", 3));
      source.next = Change.CHANGED;
      List<StoredEvent> seen = new ArrayList<>();
      all.poll(seen::add);
      source.next = Change.NONE;
      list.addAll(List.of(event(3, "s-1", 2), event(4, "s-0", 4), event(5, "s-1", 3)));
      assertThat(all.poll(e -> seen.add(e) && seen.size() < 3)).isEqualTo(new Polled(2, false));
      assertThat(all.poll(seen::add)).isEqualTo(new Polled(1, false));
      assertThat(seen).extracting(StoredEvent::position).containsExactly(6L, 3L, 4L, 5L);
    }
  }
}
