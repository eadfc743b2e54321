package dev.hindsight.replay.js;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.event.EventJson;
import dev.hindsight.event.StoredEvent;
import dev.hindsight.event.StreamGlob;
import dev.hindsight.event.TypeNames;
import dev.hindsight.replay.Fold;
import dev.hindsight.replay.Reducer;
import dev.hindsight.replay.ReducerException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Undefined;

/**
 * A reducer written in JavaScript: an object of handlers keyed by event type, with optional {@code
 * name}, {@code streams} (globs on the stream id), {@code types} (aggregate types), {@code $init},
 * {@code $any} and {@code $upcast}.
 */
public final class JsReducer implements Reducer {

  static final Set<String> RESERVED =
      Set.of("name", "streams", "types", "$init", "$any", "$upcast", "$invariants");

  private final String name;
  private final List<Pattern> streams;
  private final Set<String> types;
  final Scriptable scope;
  final Scriptable object;
  final Function init;
  final Function any;
  final Scriptable upcasters;
  final Map<String, Function> invariants;
  private final Map<String, Object> handlers = new ConcurrentHashMap<>();
  private final Map<String, Object> upcasts = new ConcurrentHashMap<>();
  final long limitMillis;

  JsReducer(
      String name,
      List<String> streamGlobs,
      List<String> types,
      Scriptable scope,
      Scriptable object,
      Map<String, Function> invariants,
      long limitMillis) {
    this.name = name;
    this.streams = streamGlobs.stream().map(g -> StreamGlob.compile(g, false)).toList();
    this.types = Set.copyOf(types);
    this.scope = scope;
    this.object = object;
    this.init = function(object, "$init");
    this.any = function(object, "$any");
    Object up = ScriptableObject.getProperty(object, "$upcast");
    this.upcasters = up instanceof Scriptable s && !(up instanceof Function) ? s : null;
    this.invariants = invariants;
    this.limitMillis = limitMillis;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> invariants() {
    return List.copyOf(invariants.keySet());
  }

  @Override
  public boolean appliesTo(String stream, String aggregateType) {
    if (streams.isEmpty() && types.isEmpty()) {
      return true;
    }
    if (aggregateType != null && types.contains(aggregateType)) {
      return true;
    }
    return stream != null && streams.stream().anyMatch(p -> p.matcher(stream).matches());
  }

  @Override
  public Fold newFold(String stream, String aggregateType) {
    return new JsFold(this, stream, aggregateType);
  }

  @Override
  public JsonNode upcast(StoredEvent event) {
    Function up = upcaster(event.type());
    if (up == null) {
      return null;
    }
    return Sandbox.call(
        cx -> {
          Object e = JsConvert.toJs(EventJson.toJson(event), cx, scope);
          try {
            Object result =
                Sandbox.withDeadline(
                    cx, limitMillis, () -> up.call(cx, scope, object, new Object[] {e}));
            return result == e ? null : JsConvert.toJson(result, "the upcast event");
          } catch (RuntimeException
              | Sandbox.LimitExceeded
              | StackOverflowError
              | OutOfMemoryError failure) {
            throw new ReducerException(
                "upcaster " + Sandbox.describe(failure, limitMillis), failure);
          }
        });
  }

  /** The handler for an event type, by the lookup order in the README; null when none. */
  Function handler(String type) {
    Object found = handlers.computeIfAbsent(String.valueOf(type), t -> lookup(object, t, true));
    return found instanceof Function f ? f : null;
  }

  /** The upcaster for a stored event type; null when none. */
  Function upcaster(String type) {
    if (upcasters == null) {
      return null;
    }
    Object found = upcasts.computeIfAbsent(String.valueOf(type), t -> lookup(upcasters, t, false));
    return found instanceof Function f ? f : null;
  }

  /** Handler lookup, first hit wins: see {@link TypeNames#candidates}. */
  static List<String> candidates(String type) {
    return TypeNames.candidates(type);
  }

  private static Object lookup(Scriptable in, String type, boolean skipReserved) {
    for (String candidate : candidates(type)) {
      if (skipReserved && RESERVED.contains(candidate)) {
        continue;
      }
      Object f = ScriptableObject.getProperty(in, candidate);
      if (f instanceof Function) {
        return f;
      }
    }
    return Boolean.FALSE; // remembered as "none" (a map cannot hold null)
  }

  /**
   * The {@code $invariants} of a reducer object, by name in declaration order: an object whose
   * values are functions of (state, event). Empty when there is none.
   *
   * @throws ReducerException naming {@code where} when it is anything else
   */
  static Map<String, Function> invariants(Scriptable object, String where) {
    Object v = ScriptableObject.getProperty(object, "$invariants");
    if (v == Scriptable.NOT_FOUND || v instanceof Undefined) {
      return Map.of();
    }
    if (!(v instanceof Scriptable s) || v instanceof Function || v instanceof NativeArray) {
      throw new ReducerException(
          where
              + ": $invariants must be an object of named checks, such as"
              + " { \"stock never negative\": (state, event) => state.onHand >= 0 }");
    }
    Map<String, Function> out = new LinkedHashMap<>();
    for (Object id : s.getIds()) {
      String key = id.toString();
      Object f = id instanceof Integer i ? s.get(i, s) : ScriptableObject.getProperty(s, key);
      if (!(f instanceof Function fn)) {
        throw new ReducerException(
            where
                + ": $invariants \""
                + key
                + "\" must be a function of (state, event) that returns true while it holds");
      }
      out.put(key, fn);
    }
    return Collections.unmodifiableMap(out);
  }

  private static Function function(Scriptable object, String key) {
    Object f = ScriptableObject.getProperty(object, key);
    return f instanceof Function fn ? fn : null;
  }
}
