package dev.hindsight.replay.js;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.hindsight.event.EventJson;
import dev.hindsight.event.StoredEvent;
import dev.hindsight.replay.Fold;
import dev.hindsight.replay.Step;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.EcmaError;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Undefined;

/**
 * A JavaScript reducer's running fold. The state stays a JavaScript value between events
 * (converting it to JSON after every event would halve the speed); it becomes JSON when asked, at
 * checkpoints.
 */
final class JsFold implements Fold {

  private final JsReducer reducer;
  private final String stream;
  private final String aggregateType;
  private Object state;
  private Object event;
  private boolean intact = true;

  JsFold(JsReducer reducer, String stream, String aggregateType) {
    this.reducer = reducer;
    this.stream = stream;
    this.aggregateType = aggregateType;
  }

  @Override
  public void reset(JsonNode from) {
    Sandbox.call(
        cx -> {
          if (from != null) {
            state = JsConvert.toJs(from, cx, reducer.scope);
          } else if (reducer.init != null) {
            // $init({stream, type}): a starting state may name its stream (evtstore's does)
            Scriptable info = cx.newObject(reducer.scope);
            ScriptableObject.putProperty(info, "stream", stream);
            ScriptableObject.putProperty(info, "type", aggregateType);
            try {
              state = callLimited(cx, reducer.init, new Object[] {info});
            } catch (RuntimeException
                | Sandbox.LimitExceeded
                | StackOverflowError
                | OutOfMemoryError failure) {
              throw new dev.hindsight.replay.ReducerException(
                  "$init " + Sandbox.describe(failure, reducer.limitMillis), failure);
            }
          } else {
            state = cx.newObject(reducer.scope);
          }
          return null;
        });
    intact = true;
  }

  @Override
  public Step apply(StoredEvent stored) {
    return Sandbox.call(cx -> step(cx, stored));
  }

  private Step step(Context cx, StoredEvent stored) {
    Object e = JsConvert.toJs(EventJson.toJson(stored), cx, reducer.scope);
    JsonNode upcastForm = null;
    Function upcaster = reducer.upcaster(stored.type());
    try {
      if (upcaster != null) {
        Object up = callLimited(cx, upcaster, new Object[] {e});
        if (!(up instanceof Scriptable) || up instanceof Function) {
          return Step.error(
              "the upcaster for " + stored.type() + " did not return an event object", null);
        }
        if (up != e) { // an upcaster that returns its input (already current) changed nothing
          upcastForm = JsConvert.toJson(up, "the upcast event");
        }
        e = up;
      }
    } catch (RuntimeException
        | Sandbox.LimitExceeded
        | StackOverflowError
        | OutOfMemoryError failure) {
      return Step.error("upcaster " + Sandbox.describe(failure, reducer.limitMillis), null);
    }
    event = e;
    Object type = ScriptableObject.getProperty((Scriptable) e, "type");
    Function handler =
        reducer.handler(type instanceof CharSequence t ? t.toString() : stored.type());
    if (handler == null) {
      handler = reducer.any;
    }
    if (handler == null) {
      return upcastForm == null
          ? Step.UNHANDLED
          : new Step(Step.Outcome.UNHANDLED, upcastForm, null);
    }
    try {
      Object next = callLimited(cx, handler, new Object[] {state, e});
      if (next == null || next instanceof Undefined) {
        intact = false; // it may have changed the state in place before returning nothing
        return Step.error(
            "the handler returned "
                + (next == null ? "null" : "undefined")
                + "; return the new state",
            upcastForm);
      }
      String notJson = shallowNotJson(next);
      if (notJson != null) {
        // the state before the event stays; checked here at the top level, where it is cheap (a
        // handler that spreads the state already walks it); deeper, at the next conversion
        return Step.error(notJson, upcastForm);
      }
      state = next;
      intact = true;
      return upcastForm == null ? Step.HANDLED : new Step(Step.Outcome.HANDLED, upcastForm, null);
    } catch (RuntimeException
        | Sandbox.LimitExceeded
        | StackOverflowError
        | OutOfMemoryError failure) {
      intact = false; // the handler may have changed the state before it failed
      return Step.error(Sandbox.describe(failure, reducer.limitMillis), upcastForm);
    }
  }

  /** What makes a new state not JSON at its top level (a function, itself); null when nothing. */
  private static String shallowNotJson(Object next) {
    if (next instanceof Function) {
      return "the handler returned a function; a state must be JSON";
    }
    if (!(next instanceof Scriptable s)) {
      return null;
    }
    for (Object id : s.getIds()) {
      Object v =
          id instanceof Integer i ? s.get(i, s) : ScriptableObject.getProperty(s, id.toString());
      if (v instanceof Function) {
        return "the state holds a function at /" + id + "; a state must be JSON";
      }
      if (v == next) {
        return "the state has a cycle at /" + id + "; a state must be JSON";
      }
    }
    return null;
  }

  private Object callLimited(Context cx, Function f, Object[] args) {
    return Sandbox.withDeadline(
        cx, reducer.limitMillis, () -> f.call(cx, reducer.scope, reducer.object, args));
  }

  @Override
  public boolean intact() {
    return intact;
  }

  @Override
  public JsonNode state() {
    return Sandbox.call(cx -> JsConvert.toJson(state, "the state"));
  }

  @Override
  public JsonNode valueAt(String pointer) {
    return Sandbox.call(
        cx -> {
          Object v = state;
          for (JsonPointer p = JsonPointer.compile(pointer); !p.matches(); p = p.tail()) {
            if (!(v instanceof Scriptable s) || v instanceof Function) {
              return MissingNode.getInstance();
            }
            String key = p.getMatchingProperty();
            Object next =
                s instanceof NativeArray && p.getMatchingIndex() >= 0
                    ? s.get(p.getMatchingIndex(), s)
                    : ScriptableObject.getProperty(s, key);
            if (next == Scriptable.NOT_FOUND || next instanceof Undefined) {
              return MissingNode.getInstance();
            }
            v = next;
          }
          return JsConvert.toJson(v, "the value at " + (pointer.isEmpty() ? "/" : pointer));
        });
  }

  @Override
  public Map<String, String> brokenInvariants() {
    if (reducer.invariants.isEmpty()) {
      return Map.of();
    }
    return Sandbox.call(
        cx -> {
          Map<String, String> broken = new LinkedHashMap<>();
          reducer.invariants.forEach(
              (name, check) -> {
                try {
                  if (!Context.toBoolean(callLimited(cx, check, new Object[] {state, event}))) {
                    broken.put(name, "returned false");
                  }
                } catch (RuntimeException
                    | Sandbox.LimitExceeded
                    | StackOverflowError
                    | OutOfMemoryError failure) {
                  String why = Sandbox.describe(failure, reducer.limitMillis);
                  // a TypeError from the engine was thrown as much as a `throw` in the check
                  broken.put(name, failure instanceof EcmaError ? "threw " + why : why);
                }
              });
          return broken;
        });
  }

  /** The current state as a JavaScript value, for conditions. */
  Object jsState() {
    return state;
  }

  /** The last event applied, as the handlers saw it (after upcasting). */
  Object jsEvent() {
    return event;
  }
}
