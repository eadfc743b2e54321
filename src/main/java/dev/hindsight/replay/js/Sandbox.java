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

  /** Thrown from the instruction observer; an {@link Error} so scripts cannot catch it. */
  abstract static class LimitExceeded extends Error {
    private static final long serialVersionUID = 1L;

    LimitExceeded(String message) {
      super(message, null, false, false);
    }
  }

  /** A call ran past its deadline. */
  static final class TimeLimitExceeded extends LimitExceeded {
    private static final long serialVersionUID = 1L;

    TimeLimitExceeded() {
      super("time limit exceeded");
    }
  }

  /** A call allocated more than {@link #allocationLimitBytes} (a memory bomb). */
  static final class MemoryLimitExceeded extends LimitExceeded {
    private static final long serialVersionUID = 1L;

    MemoryLimitExceeded() {
      super("memory limit exceeded");
    }
  }

  /**
   * How much one call may allocate, in bytes (garbage included): far more than any fold of a real
   * state needs, far less than the heap. Tests lower it.
   */
  static volatile long allocationLimitBytes = 1L << 30;

  private static final String ALLOCATED_AT_START = "hindsight.allocated";

  /** Counts the bytes a thread allocates (HotSpot and OpenJ9 do); null where not supported. */
  private static final com.sun.management.ThreadMXBean THREADS = threads();

  private static com.sun.management.ThreadMXBean threads() {
    try {
      if (java.lang.management.ManagementFactory.getThreadMXBean()
              instanceof com.sun.management.ThreadMXBean t
          && t.isThreadAllocatedMemorySupported()) {
        t.setThreadAllocatedMemoryEnabled(true);
        return t;
      }
    } catch (RuntimeException | LinkageError unsupported) {
      // no allocation counting: the time limit still stops a runaway handler
    }
    return null;
  }

  private static long allocated() {
    return THREADS == null ? 0 : THREADS.getCurrentThreadAllocatedBytes();
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
          // memory first: a bomb that is also past its deadline is named for what it did
          Object start = cx.getThreadLocal(ALLOCATED_AT_START);
          if (start instanceof Long s && allocated() - s > allocationLimitBytes) {
            throw new MemoryLimitExceeded();
          }
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
    Object previousStart = cx.getThreadLocal(ALLOCATED_AT_START);
    cx.putThreadLocal(DEADLINE, System.nanoTime() + millis * 1_000_000L);
    cx.putThreadLocal(ALLOCATED_AT_START, allocated());
    try {
      return body.get();
    } finally {
      if (previous == null) {
        cx.removeThreadLocal(DEADLINE);
      } else {
        cx.putThreadLocal(DEADLINE, previous);
      }
      if (previousStart == null) {
        cx.removeThreadLocal(ALLOCATED_AT_START);
      } else {
        cx.putThreadLocal(ALLOCATED_AT_START, previousStart);
      }
    }
  }

  /** A script failure as one clear sentence (never a Java stack trace). */
  static String describe(Throwable e, long limitMillis) {
    if (e instanceof TimeLimitExceeded) {
      return "ran longer than " + limitMillis + " ms and was stopped (an endless loop?)";
    }
    if (e instanceof MemoryLimitExceeded) {
      return String.format(
          java.util.Locale.ROOT,
          "allocated more than %,d MB and was stopped (a memory bomb?)",
          allocationLimitBytes >> 20);
    }
    if (e instanceof OutOfMemoryError) {
      return "ran out of memory and was stopped";
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
