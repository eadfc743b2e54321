package dev.hindsight.replay.js;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.event.Csv;
import dev.hindsight.event.EventJson;
import dev.hindsight.event.StoredEvent;
import dev.hindsight.event.StreamSummary;
import dev.hindsight.replay.AllStreams;
import dev.hindsight.replay.Progress;
import dev.hindsight.replay.Reducer;
import dev.hindsight.replay.ReducerError;
import dev.hindsight.replay.ReducerSet;
import dev.hindsight.replay.StreamFold;
import dev.hindsight.store.codec.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.Scriptable;

/**
 * "Where else did this happen?": for every stream a reducer set applies to (with the generic
 * reducer: every stream), the first event after which a condition holds, in one pass over the store
 * folded on every core ({@link AllStreams}).
 *
 * <p>With a JavaScript reducer the condition sees that reducer's state, as {@link Finder} does for
 * one stream. With the generic reducer the state is folded in Java, as the window shows it, and the
 * condition reads it through a {@link JsonView}, which converts only what it reads.
 */
public final class FindInAllStreams {

  /** The first event after which the condition holds in one stream. */
  public record Hit(String stream, long version, long position, String type, Instant timestamp) {

    /** {stream, version, type, timestamp}: as {@code find --all-streams --json} prints it. */
    public ObjectNode json() {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("stream", stream);
      o.put("version", version);
      o.put("type", type);
      o.put("timestamp", EventJson.iso(timestamp));
      return o;
    }
  }

  /** The hits as a JSON array, one per line, as {@code find --all-streams --json} prints them. */
  public static String json(List<Hit> hits) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < hits.size(); i++) {
      out.append(i == 0 ? "\n" : ",\n").append(Json.write(hits.get(i).json()));
    }
    return out.append(hits.isEmpty() ? "]\n" : "\n]\n").toString();
  }

  /** The hits as CSV with a header (stream,version,type,timestamp), lines ended by CRLF. */
  public static String csv(List<Hit> hits) {
    StringBuilder out = new StringBuilder("stream,version,type,timestamp\r\n");
    for (Hit h : hits) {
      out.append(Csv.field(h.stream()))
          .append(',')
          .append(h.version())
          .append(',')
          .append(Csv.field(h.type()))
          .append(',')
          .append(Csv.field(EventJson.iso(h.timestamp())))
          .append("\r\n");
    }
    return out.toString();
  }

  /**
   * What a search found.
   *
   * @param hits in stream-id order
   * @param streams how many streams were searched
   * @param events how many events were folded
   * @param reducerErrors each reducer error met (the state stays as it was; the search goes on)
   * @param conditionError the condition's first error (events where it failed count as false)
   * @param conditionErrorStreams in how many streams the condition failed at least once
   * @param neverDefined the property paths the condition reads that were undefined at every event
   *     of every stream searched (likely typos when it holds nowhere)
   */
  public record Result(
      List<Hit> hits,
      int streams,
      long events,
      List<ReducerError> reducerErrors,
      String conditionError,
      int conditionErrorStreams,
      List<String> neverDefined) {

    /** When it holds nowhere and read paths never defined: "note: … — a typo?"; else empty. */
    public String note() {
      return new Finder.Result(hits.isEmpty() ? -1 : 0, null, neverDefined).note("every event");
    }
  }

  private final Finder finder;
  private final ReducerSet reducers;
  private final Map<Scriptable, Function> conditions = new ConcurrentHashMap<>();

  /** The paths the condition reads, which of them were defined somewhere, and their checks. */
  private final List<String> paths;

  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final Map<Scriptable, Function[]> checks = new ConcurrentHashMap<>();
  private final AtomicBoolean tested = new AtomicBoolean();

  public FindInAllStreams(Finder finder, ReducerSet reducers) {
    this.finder = finder;
    this.reducers = reducers;
    this.paths = ConditionPaths.of(finder.source());
  }

  /**
   * The streams of {@code candidates} the search covers: those a user reducer applies to, or every
   * one when there are no user reducers.
   */
  public List<StreamSummary> streams(List<StreamSummary> candidates) {
    if (reducers.reducers().isEmpty()) {
      return candidates;
    }
    return candidates.stream()
        .filter(s -> !reducers.forStream(s.stream(), s.type()).generic())
        .toList();
  }

  /**
   * Searches {@code candidates} (narrowed by {@link #streams}); {@code onHit} hears of each hit as
   * it is found, on a worker thread.
   *
   * @throws java.util.concurrent.CancellationException when {@code progress} cancels
   */
  public Result run(
      dev.hindsight.store.EventSource source,
      List<StreamSummary> candidates,
      Consumer<Hit> onHit,
      Progress progress) {
    List<StreamSummary> streams = streams(candidates);
    seen.clear();
    tested.set(false);
    List<Hit> hits = java.util.Collections.synchronizedList(new ArrayList<>());
    List<ReducerError> errors = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicReference<String> firstConditionError = new AtomicReference<>();
    AtomicInteger conditionErrorStreams = new AtomicInteger();
    java.util.concurrent.atomic.AtomicLong events = new java.util.concurrent.atomic.AtomicLong();
    boolean metadata = finder.expression().contains("metadata");
    AllStreams.run(
        source,
        streams,
        s ->
            new Job(
                source,
                s,
                reducers.forStream(s.stream(), s.type()),
                metadata,
                hit -> {
                  hits.add(hit);
                  onHit.accept(hit);
                },
                errors::add,
                conditionError -> {
                  firstConditionError.compareAndSet(null, conditionError);
                  conditionErrorStreams.incrementAndGet();
                },
                events),
        progress);
    List<Hit> sorted = new ArrayList<>(hits);
    sorted.sort(Comparator.comparing(Hit::stream));
    List<ReducerError> sortedErrors = new ArrayList<>(errors);
    sortedErrors.sort(
        Comparator.comparing(ReducerError::stream).thenComparingLong(ReducerError::version));
    return new Result(
        List.copyOf(sorted),
        streams.size(),
        events.get(),
        List.copyOf(sortedErrors),
        firstConditionError.get(),
        conditionErrorStreams.get(),
        tested.get()
            ? ConditionPaths.neverDefined(paths, i -> seen.contains(paths.get(i)))
            : List.of());
  }

  /**
   * Notes the paths defined in this state and event. Once a path was seen anywhere it is not
   * checked again, so after the first events this costs a set lookup per path.
   */
  private void notePaths(Context cx, Scriptable scope, Object state, Object event) {
    tested.set(true);
    if (seen.size() == paths.size()) {
      return;
    }
    Function[] f =
        checks.computeIfAbsent(
            scope,
            sc ->
                paths.stream().map(p -> ConditionPaths.check(cx, sc, p)).toArray(Function[]::new));
    Object[] args = {state, event};
    for (int i = 0; i < paths.size(); i++) {
      if (!seen.contains(paths.get(i)) && Context.toBoolean(f[i].call(cx, scope, scope, args))) {
        seen.add(paths.get(i));
      }
    }
  }

  private Function condition(Context cx, Scriptable scope) {
    return conditions.computeIfAbsent(
        scope, sc -> JsReducers.compileFunction(cx, sc, finder.source(), "condition"));
  }

  /** One stream: fold, test after every event, stop at the first hit. */
  private final class Job implements AllStreams.StreamJob {
    private final dev.hindsight.store.EventSource source;
    private final StreamSummary stream;
    private final Reducer reducer;
    private final boolean metadata;
    private final Consumer<Hit> onHit;
    private final Consumer<ReducerError> onError;
    private final Consumer<String> onConditionError;
    private final java.util.concurrent.atomic.AtomicLong events;
    private final JsReducer js;
    private StreamFold fold;
    private Context cx;
    private Scriptable scope;
    private Function condition;
    private String conditionError;
    private long folded;

    Job(
        dev.hindsight.store.EventSource source,
        StreamSummary stream,
        Reducer reducer,
        boolean metadata,
        Consumer<Hit> onHit,
        Consumer<ReducerError> onError,
        Consumer<String> onConditionError,
        java.util.concurrent.atomic.AtomicLong events) {
      this.source = source;
      this.stream = stream;
      this.reducer = reducer;
      this.metadata = metadata;
      this.onHit = onHit;
      this.onError = onError;
      this.onConditionError = onConditionError;
      this.events = events;
      this.js = reducer instanceof JsReducer j ? j : null;
    }

    @Override
    public boolean readsMetadata() {
      return reducer.readsMetadata() || metadata;
    }

    @Override
    public void around(Runnable reading) {
      Sandbox.call(
          context -> {
            cx = context;
            scope = js != null ? js.scope : Finder.genericReducer().scope;
            condition = condition(context, scope);
            fold = StreamFold.start(source, stream, reducer, onError);
            if (fold != null) {
              reading.run();
            }
            return null;
          });
    }

    @Override
    public boolean accept(StoredEvent event) {
      if (fold == null) {
        return false;
      }
      folded++;
      ReducerError error = fold.apply(event);
      if (error != null) {
        onError.accept(error);
      }
      if (holds(event)) {
        onHit.accept(
            new Hit(
                stream.stream(),
                event.version(),
                event.position(),
                event.type(),
                event.timestamp()));
        return false;
      }
      return true;
    }

    @Override
    public void end() {
      events.addAndGet(folded);
      if (conditionError != null) {
        onConditionError.accept(stream.stream() + ": " + conditionError);
      }
    }

    private boolean holds(StoredEvent event) {
      Object state;
      Object e;
      if (js != null) {
        JsFold f = (JsFold) fold.fold();
        state = f.jsState();
        e = f.jsEvent() != null ? f.jsEvent() : JsConvert.toJs(EventJson.toJson(event), cx, scope);
      } else {
        state = JsonView.of(fold.fold().state(), cx, scope);
        e = JsonView.of(EventJson.toJson(event), cx, scope);
      }
      notePaths(cx, scope, state, e);
      Object arg = e;
      long limit = js != null ? js.limitMillis : Sandbox.DEFAULT_LIMIT_MILLIS;
      try {
        Object r =
            Sandbox.withDeadline(
                cx, limit, () -> condition.call(cx, scope, scope, new Object[] {state, arg}));
        return Context.toBoolean(r);
      } catch (RuntimeException | Sandbox.LimitExceeded | StackOverflowError | OutOfMemoryError x) {
        if (conditionError == null) {
          conditionError = Sandbox.describe(x, limit);
        }
        return false;
      }
    }
  }
}
