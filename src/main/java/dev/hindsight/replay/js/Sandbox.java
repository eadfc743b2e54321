package dev.hindsight.replay.js;

import dev.hindsight.replay.ReducerException;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ContextAction;
import org.mozilla.javascript.ContextFactory;
import org.mozilla.javascript.EcmaError;
import org.mozilla.javascript.EvaluatorException;
import org.mozilla.javascript.JavaScriptException;
import org.mozilla.javascript.RhinoException;
import org.mozilla.javascript.ScriptableObject;

/**
 * The one place Rhino is configured. Scripts get the standard built-ins only ({@code
 * initSafeStandardObjects}: no {@code java}, {@code Packages}, {@code load} or {@code readFile}), a
 * class shutter that refuses every Java class, the interpreter with a bounded stack, and a deadline
 * checked every few thousand instructions.
 */
final class Sandbox {

  /** How long one handler call (or a file's top level, or a condition) may run. */
  static final long DEFAULT_LIMIT_MILLIS = 1_000;

  private static final String DEADLINE = "hindsight.deadline";
  private static final int STACK_DEPTH = 1_000;

  /** Thrown from the instruction observer; a {@link Error} so scripts cannot catch it. */
  static final class TimeLimitExceeded extends Error {
    private static final long serialVersionUID = 1L;

    TimeLimitExceeded() {
      super("time limit exceeded", null, false, false);
    }
  }

  static final ContextFactory FACTORY =
      new ContextFactory() {
        @Override
        protected Context makeContext() {
          Context cx = super.makeContext();
          cx.setLanguageVersion(Context.VERSION_ECMASCRIPT);
          cx.setInterpretedMode(true);
          cx.setMaximumInterpreterStackDepth(STACK_DEPTH);
          cx.setInstructionObserverThreshold(10_000);
          cx.setClassShutter(className -> false);
          return cx;
        }

        @Override
        protected void observeInstructionCount(Context cx, int instructionCount) {
          Object deadline = cx.getThreadLocal(DEADLINE);
          if (deadline instanceof Long d && System.nanoTime() > d) {
            throw new TimeLimitExceeded();
          }
        }
      };

  private Sandbox() {}

  /** Runs {@code action} in a sandboxed context on this thread. */
  static <T> T call(ContextAction<T> action) {
    return FACTORY.call(action);
  }

  /** A fresh global scope with the standard built-ins only. */
  static ScriptableObject newScope(Context cx) {
    return cx.initSafeStandardObjects(null, true);
  }

  /** Runs {@code body} with a deadline {@code millis} from now; the deadline is cleared after. */
  static <T> T withDeadline(Context cx, long millis, java.util.function.Supplier<T> body) {
    Object previous = cx.getThreadLocal(DEADLINE);
    cx.putThreadLocal(DEADLINE, System.nanoTime() + millis * 1_000_000L);
    try {
      return body.get();
    } finally {
      if (previous == null) {
        cx.removeThreadLocal(DEADLINE);
      } else {
        cx.putThreadLocal(DEADLINE, previous);
      }
    }
  }

  /** A script failure as one clear sentence (never a Java stack trace). */
  static String describe(Throwable e, long limitMillis) {
    if (e instanceof TimeLimitExceeded) {
      return "ran longer than " + limitMillis + " ms and was stopped (an endless loop?)";
    }
    if (e instanceof StackOverflowError) {
      return "recursion too deep";
    }
    if (e instanceof JavaScriptException js) {
      return "threw " + js.details() + where(js);
    }
    if (e instanceof EcmaError ecma) {
      return ecma.getName() + ": " + ecma.getErrorMessage() + where(ecma);
    }
    if (e instanceof EvaluatorException ev) {
      return ev.details() + where(ev);
    }
    if (e instanceof RhinoException rhino) {
      return rhino.details() + where(rhino);
    }
    if (e instanceof ReducerException r) {
      return r.getMessage();
    }
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  private static String where(RhinoException e) {
    if (e.sourceName() == null || e.lineNumber() <= 0) {
      return "";
    }
    return " (" + e.sourceName() + ":" + e.lineNumber() + ")";
  }
}
