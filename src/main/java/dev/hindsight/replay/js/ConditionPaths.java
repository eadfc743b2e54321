package dev.hindsight.replay.js;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mozilla.javascript.CompilerEnvirons;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.EvaluatorException;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.Parser;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ast.AstNode;
import org.mozilla.javascript.ast.AstRoot;
import org.mozilla.javascript.ast.Name;
import org.mozilla.javascript.ast.PropertyGet;

/**
 * The property paths a condition reads from {@code state} and {@code event} ({@code state.balanc},
 * {@code event.data.amount}), and which of them were undefined at every event tested: a condition
 * that never holds because it reads a misspelt property is then told apart from one that truly
 * never holds.
 */
final class ConditionPaths {

  /** More paths than this in one condition are not followed: the note is a hint, not a census. */
  private static final int MAX_PATHS = 24;

  private ConditionPaths() {}

  /**
   * Each path and its prefixes from two names on ({@code state.a.b} gives {@code state.a} and
   * {@code state.a.b}), in the order they appear; a source that does not parse gives none.
   */
  static List<String> of(String source) {
    CompilerEnvirons env = new CompilerEnvirons();
    env.setLanguageVersion(Context.VERSION_ECMASCRIPT);
    AstRoot root;
    try {
      root = new Parser(env).parse(source, "condition", 1);
    } catch (EvaluatorException e) {
      return List.of();
    }
    Set<String> paths = new LinkedHashSet<>();
    root.visit(
        node -> {
          if (node instanceof PropertyGet get && !(get.getParent() instanceof PropertyGet)) {
            List<String> names = chain(get);
            for (int n = 2; n <= names.size() && paths.size() < MAX_PATHS; n++) {
              paths.add(String.join(".", names.subList(0, n)));
            }
          }
          return true;
        });
    return new ArrayList<>(paths);
  }

  /** The names of {@code state.a.b}, or none when the chain does not start at state or event. */
  private static List<String> chain(PropertyGet get) {
    List<String> names = new ArrayList<>();
    AstNode at = get;
    while (at instanceof PropertyGet p) {
      names.add(0, p.getProperty().getIdentifier());
      at = p.getTarget();
    }
    if (at instanceof Name root
        && (root.getIdentifier().equals("state") || root.getIdentifier().equals("event"))) {
      names.add(0, root.getIdentifier());
      return names;
    }
    return List.of();
  }

  /** A function of (state, event) telling whether {@code path} is defined (never throws). */
  static Function check(Context cx, Scriptable scope, String path) {
    return JsReducers.compileFunction(
        cx,
        scope,
        "(function (state, event) { try { return ("
            + path
            + ") !== undefined; } catch (e) { return false; } })",
        "condition path");
  }

  /**
   * The paths never seen defined, leaving out those under one that was not either (when {@code
   * state.a} never was, {@code state.a.b} says nothing more).
   */
  static List<String> neverDefined(List<String> paths, java.util.function.IntPredicate seen) {
    List<String> never = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      String p = paths.get(i);
      if (!seen.test(i) && never.stream().noneMatch(q -> p.startsWith(q + "."))) {
        never.add(p);
      }
    }
    return never;
  }

  /** Tells, event by event, which paths have been defined at least once. FX-free, one thread. */
  static final class Tracker {
    private final List<String> paths;
    private final Function[] defined;
    private final boolean[] seen;
    private int unseen;
    private boolean tested;

    Tracker(Context cx, Scriptable scope, List<String> paths) {
      this.paths = paths;
      this.defined = new Function[paths.size()];
      this.seen = new boolean[paths.size()];
      this.unseen = paths.size();
      for (int i = 0; i < paths.size(); i++) {
        defined[i] = check(cx, scope, paths.get(i));
      }
    }

    /** Notes the paths defined in this state and event; once all were, it costs nothing. */
    void test(Context cx, Scriptable scope, Object state, Object event) {
      tested = true;
      if (unseen == 0) {
        return;
      }
      Object[] args = {state, event};
      for (int i = 0; i < defined.length; i++) {
        if (!seen[i] && Context.toBoolean(defined[i].call(cx, scope, scope, args))) {
          seen[i] = true;
          unseen--;
        }
      }
    }

    /**
     * The paths undefined at every event tested, leaving out those under one that was (when {@code
     * state.a} never was, {@code state.a.b} says nothing more).
     */
    List<String> neverDefined() {
      return tested ? ConditionPaths.neverDefined(paths, i -> seen[i]) : List.of();
    }
  }
}
