package dev.hindsight.replay.js;

import dev.hindsight.replay.Reducer;
import dev.hindsight.replay.ReducerException;
import dev.hindsight.replay.ReducerSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;

/** Loads JavaScript reducer files: one file, or every {@code *.js} of a folder in name order. */
public final class JsReducers {

  private JsReducers() {}

  /**
   * Sets how much one handler call may allocate before it is stopped as a memory bomb (1 GiB unless
   * set); returns the previous limit.
   */
  public static long allocationLimit(long bytes) {
    long previous = Sandbox.allocationLimitBytes;
    Sandbox.allocationLimitBytes = bytes;
    return previous;
  }

  /** Loads {@code path} (a file or a folder); a {@link ReducerException} says what is wrong. */
  public static ReducerSet load(Path path) {
    return load(path, Sandbox.DEFAULT_LIMIT_MILLIS);
  }

  /** Loads {@code path} with a time limit per handler call. */
  public static ReducerSet load(Path path, long limitMillis) {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(path)) {
      try (Stream<Path> list = Files.list(path)) {
        list.filter(p -> p.getFileName().toString().endsWith(".js") && Files.isRegularFile(p))
            .sorted()
            .forEach(files::add);
      } catch (IOException e) {
        throw new ReducerException(
            "cannot read the reducer folder " + path + ": " + e.getMessage(), e);
      }
      if (files.isEmpty()) {
        throw new ReducerException("the reducer folder " + path + " has no .js files");
      }
    } else {
      files.add(path);
    }
    List<Reducer> reducers = new ArrayList<>();
    for (Path file : files) {
      reducers.addAll(loadFile(file, limitMillis));
    }
    return new ReducerSet(reducers, path.toString());
  }

  /** Loads reducers from source text; {@code name} names the file in messages. */
  public static List<Reducer> fromSource(String source, String name, long limitMillis) {
    RhinoPitfalls.check(source, name);
    return Sandbox.call(
        cx -> {
          ScriptableObject scope = Sandbox.newScope(cx);
          Object value;
          try {
            value =
                Sandbox.withDeadline(
                    cx, limitMillis, () -> cx.evaluateString(scope, source, name, 1, null));
          } catch (RuntimeException
              | Sandbox.LimitExceeded
              | StackOverflowError
              | OutOfMemoryError e) {
            throw new ReducerException(name + ": " + Sandbox.describe(e, limitMillis), e);
          }
          List<Reducer> out = new ArrayList<>();
          if (value instanceof NativeArray array) {
            for (int i = 0; i < array.getLength(); i++) {
              out.add(reducer(array.get(i, array), name + "[" + i + "]", name, scope, limitMillis));
            }
          } else {
            out.add(reducer(value, name, name, scope, limitMillis));
          }
          if (out.isEmpty()) {
            throw new ReducerException(name + " evaluates to an empty array: no reducers");
          }
          return out;
        });
  }

  private static List<Reducer> loadFile(Path file, long limitMillis) {
    String source;
    try {
      source = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ReducerException("no such reducer file: " + file, e);
    } catch (IOException e) {
      throw new ReducerException("cannot read reducer file " + file + ": " + e.getMessage(), e);
    }
    return fromSource(source, file.getFileName().toString(), limitMillis);
  }

  private static Reducer reducer(
      Object value, String where, String file, Scriptable scope, long limitMillis) {
    if (!(value instanceof Scriptable object)
        || value instanceof Function
        || value instanceof NativeArray) {
      throw new ReducerException(
          where
              + " must evaluate to a reducer object ({ name, $init, EventType: (state, event) => … })"
              + " or an array of them; wrap an object literal in parentheses");
    }
    Object name = ScriptableObject.getProperty(object, "name");
    String shown = name instanceof CharSequence s ? s.toString() : baseName(file);
    List<String> streams = strings(object, "streams", where);
    List<String> types = strings(object, "types", where);
    for (String key : new String[] {"$init", "$any"}) {
      Object f = ScriptableObject.getProperty(object, key);
      if (f != Scriptable.NOT_FOUND && !(f instanceof Function)) {
        throw new ReducerException(where + ": " + key + " must be a function");
      }
    }
    boolean anyHandler = false;
    for (Object id : object.getIds()) {
      String key = id.toString();
      if (!JsReducer.RESERVED.contains(key)
          && ScriptableObject.getProperty(object, key) instanceof Function) {
        anyHandler = true;
      }
    }
    if (!anyHandler && !(ScriptableObject.getProperty(object, "$any") instanceof Function)) {
      throw new ReducerException(
          where + " has no handlers: add EventType: (state, event) => newState");
    }
    Map<String, Function> invariants =
        JsReducer.invariants(
            object, name instanceof CharSequence ? where + " (reducer " + shown + ")" : where);
    return new JsReducer(shown, streams, types, scope, object, invariants, limitMillis);
  }

  private static List<String> strings(Scriptable object, String key, String where) {
    Object v = ScriptableObject.getProperty(object, key);
    if (v == Scriptable.NOT_FOUND || v == null || v instanceof org.mozilla.javascript.Undefined) {
      return List.of();
    }
    if (!(v instanceof NativeArray array)) {
      throw new ReducerException(where + ": " + key + " must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < array.getLength(); i++) {
      Object item = array.get(i, array);
      if (!(item instanceof CharSequence s)) {
        throw new ReducerException(where + ": " + key + " must be an array of strings");
      }
      out.add(s.toString());
    }
    return out;
  }

  private static String baseName(String file) {
    return file.endsWith(".js") ? file.substring(0, file.length() - 3) : file;
  }

  /** For conditions: evaluates a function expression in a fresh sandbox scope. */
  static Function compileFunction(Context cx, Scriptable scope, String source, String name) {
    Object f = cx.evaluateString(scope, source, name, 1, null);
    if (!(f instanceof Function fn)) {
      throw new ReducerException(name + " is not a function");
    }
    return fn;
  }
}
