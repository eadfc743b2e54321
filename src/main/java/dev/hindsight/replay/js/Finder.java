package dev.hindsight.replay.js;

import dev.hindsight.replay.Progress;
import dev.hindsight.replay.ReducerException;
import dev.hindsight.replay.StreamReplay;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.mozilla.javascript.CompilerEnvirons;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.EvaluatorException;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.Parser;

/**
 * "Find when…": the versions at which a JavaScript condition over {@code state} (after the event)
 * and {@code event} holds, e.g. {@code state.balance < 0}. With a JavaScript reducer the condition
 * sees that reducer's state; with the generic one, a JavaScript deep merge of the events' data.
 */
public final class Finder {

  /** The generic reducer, in JavaScript, so that conditions can run against its state. */
  static final String GENERIC_JS =
      "function merge(s, p) {\n"
          + "  if (p === null || typeof p !== 'object' || Array.isArray(p)\n"
          + "      || s === null || typeof s !== 'object' || Array.isArray(s)) return p;\n"
          + "  const r = Object.assign({}, s);\n"
          + "  Object.keys(p).forEach(k => { r[k] = merge(s[k], p[k]); });\n"
          + "  return r;\n"
          + "}\n"
          + "({ name: 'generic (deep merge)',\n"
          + "   $any: (state, event) =>\n"
          + "     event.data !== null && typeof event.data === 'object' && !Array.isArray(event.data)\n"
          + "       ? merge(state, event.data) : state })\n";

  /** What comes before the condition in its source: columns on its first line move by as much. */
  private static final String PREFIX = "(function (state, event) { return (";

  private static volatile JsReducer generic;

  private final String expression;
  private final String source;

  /**
   * A match, or none.
   *
   * @param ordinal the event's place in the stream, or -1 when the condition never holds
   * @param error the condition's first error while searching (e.g. reading a property of
   *     undefined), or null; events where it failed count as "does not hold"
   */
  public record Result(int ordinal, String error, List<String> neverDefined) {

    /**
     * @param neverDefined the property paths the condition reads ({@code state.balanc}) that were
     *     undefined at every event searched: likely typos when the condition never holds
     */
    public Result {
      neverDefined = List.copyOf(neverDefined);
    }

    public Result(int ordinal, String error) {
      this(ordinal, error, List.of());
    }

    public boolean found() {
      return ordinal >= 0;
    }

    /**
     * When the condition never held and read paths that were never defined: "note: state.balanc was
     * undefined at every event — a typo?", with {@code where} for "every event"; else empty.
     */
    public String note(String where) {
      if (found() || neverDefined.isEmpty()) {
        return "";
      }
      return "note: "
          + String.join(" and ", neverDefined)
          + (neverDefined.size() == 1 ? " was" : " were")
          + " undefined at "
          + where
          + " — a typo?";
    }
  }

  private Finder(String expression) {
    this.expression = expression;
    this.source = PREFIX + expression + "\n); })";
  }

  /**
   * Compiles a condition; a {@link ReducerException} says what is wrong with it, at the line and
   * column of the condition as written (not of the function it is wrapped in).
   */
  public static Finder compile(String expression) {
    if (expression == null || expression.isBlank()) {
      throw new ReducerException("the condition is empty; write one such as: state.balance < 0");
    }
    Finder finder = new Finder(expression);
    syntax(finder.source, expression);
    RhinoPitfalls.check(finder.source, "condition");
    return finder;
  }

  /**
   * Throws on a syntax error, placed in the user's expression: parsed alone it gives the place as
   * written; when only the wrapped form fails (a statement where an expression goes), the wrapped
   * place is moved back by the prefix, and past the end it is the end.
   */
  private static void syntax(String source, String expression) {
    CompilerEnvirons env = new CompilerEnvirons();
    env.setLanguageVersion(Context.VERSION_ECMASCRIPT);
    try {
      new Parser(env).parse(source, "condition", 1);
      return;
    } catch (EvaluatorException wrapped) {
      // Rhino counts columns from 0; people, and editors, from 1
      String[] lines = expression.split("\n", -1);
      int line = wrapped.lineNumber();
      int column = wrapped.columnNumber() + 1;
      try {
        new Parser(env).parse(expression, "condition", 1);
        if (line == 1) {
          column = Math.max(1, column - PREFIX.length());
        } else if (line > lines.length) {
          line = lines.length;
          column = lines[lines.length - 1].length() + 1;
        }
      } catch (EvaluatorException alone) {
        line = alone.lineNumber();
        column = alone.columnNumber() + 1;
        wrapped = alone;
      }
      throw new ReducerException(
          "condition:" + line + ":" + column + ": " + wrapped.details(), wrapped);
    }
  }

  public String expression() {
    return expression;
  }

  /** The condition as a function of (state, event), as it is compiled. */
  String source() {
    return source;
  }

  /** The first event after which the condition holds. */
  public Result first(StreamReplay replay) {
    return first(replay, Progress.NONE);
  }

  /** The first match after {@code ordinal}. */
  public Result next(StreamReplay replay, int ordinal) {
    return next(replay, ordinal, Progress.NONE);
  }

  /** The last match before {@code ordinal}. */
  public Result previous(StreamReplay replay, int ordinal) {
    return previous(replay, ordinal, Progress.NONE);
  }

  /** {@link #first(StreamReplay)} with progress and cancel (a {@link CancellationException}). */
  public Result first(StreamReplay replay, Progress progress) {
    return scan(replay, 0, replay.size() - 1, true, progress);
  }

  public Result next(StreamReplay replay, int ordinal, Progress progress) {
    return scan(replay, ordinal + 1, replay.size() - 1, true, progress);
  }

  public Result previous(StreamReplay replay, int ordinal, Progress progress) {
    return scan(replay, 0, ordinal - 1, false, progress);
  }

  private Result scan(StreamReplay replay, int from, int to, boolean firstHit, Progress progress) {
    if (from > to || replay.size() == 0) {
      return new Result(-1, null);
    }
    JsReducer reducer = replay.reducer() instanceof JsReducer js ? js : genericReducer();
    JsFold fold = new JsFold(reducer, replay.stream().stream(), replay.stream().type());
    fold.reset(replay.stateAfter(from - 1));
    int[] hit = {-1};
    String[] error = {null};
    List<String> paths = ConditionPaths.of(source);
    ConditionPaths.Tracker[] tracker = {null};
    Sandbox.call(
        cx -> {
          Function condition = JsReducers.compileFunction(cx, reducer.scope, source, "condition");
          ConditionPaths.Tracker seen = new ConditionPaths.Tracker(cx, reducer.scope, paths);
          tracker[0] = seen;
          replay.forEachWhile(
              from,
              to,
              (ordinal, event) -> {
                if ((ordinal & 255) == 0 && !progress.report(ordinal - from, to - from + 1)) {
                  throw new CancellationException("find cancelled at event " + ordinal);
                }
                if (replay.errors().containsKey(ordinal)) {
                  return true; // a reducer error leaves the state as it was: nothing new to test
                }
                fold.apply(event);
                seen.test(cx, reducer.scope, fold.jsState(), fold.jsEvent());
                if (holds(cx, reducer, condition, fold, error)) {
                  hit[0] = ordinal;
                  return !firstHit; // the first hit ends a forward search
                }
                return true;
              });
          return null;
        });
    return new Result(hit[0], error[0], tracker[0].neverDefined());
  }

  private static boolean holds(
      Context cx, JsReducer reducer, Function condition, JsFold fold, String[] error) {
    try {
      Object r =
          Sandbox.withDeadline(
              cx,
              reducer.limitMillis,
              () ->
                  condition.call(
                      cx,
                      reducer.scope,
                      reducer.scope,
                      new Object[] {fold.jsState(), fold.jsEvent()}));
      return Context.toBoolean(r);
    } catch (RuntimeException | Sandbox.LimitExceeded | StackOverflowError | OutOfMemoryError e) {
      if (error[0] == null) {
        error[0] = Sandbox.describe(e, reducer.limitMillis);
      }
      return false;
    }
  }

  static JsReducer genericReducer() {
    JsReducer r = generic;
    if (r == null) {
      List<dev.hindsight.replay.Reducer> loaded =
          JsReducers.fromSource(GENERIC_JS, "generic.js", Sandbox.DEFAULT_LIMIT_MILLIS);
      r = (JsReducer) loaded.get(0);
      generic = r;
    }
    return r;
  }
}
