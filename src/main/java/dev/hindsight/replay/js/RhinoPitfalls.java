package dev.hindsight.replay.js;

import dev.hindsight.replay.ReducerException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mozilla.javascript.CompilerEnvirons;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.EvaluatorException;
import org.mozilla.javascript.Parser;
import org.mozilla.javascript.ast.AstNode;
import org.mozilla.javascript.ast.AstRoot;
import org.mozilla.javascript.ast.ForInLoop;
import org.mozilla.javascript.ast.ForLoop;
import org.mozilla.javascript.ast.FunctionNode;
import org.mozilla.javascript.ast.Loop;
import org.mozilla.javascript.ast.Name;
import org.mozilla.javascript.ast.VariableDeclaration;
import org.mozilla.javascript.ast.VariableInitializer;

/**
 * Refuses the two valid constructs Rhino 1.9 computes wrongly without a word, so that no reducer
 * ever returns a silently wrong state (measured in {@code shared/JS-ENGINES.md}):
 *
 * <ul>
 *   <li>a {@code const} declared inside a loop body keeps its first iteration's value;
 *   <li>closures made inside a {@code for (let …)} loop that use the loop variable all see its last
 *       value.
 * </ul>
 *
 * A {@code const} inside a function inside a loop (a callback) is fine, and so is {@code let} in a
 * loop body; the message says so.
 */
final class RhinoPitfalls {

  private RhinoPitfalls() {}

  /**
   * Parses {@code source}; throws a {@link ReducerException} naming the file and line of a pitfall.
   */
  static void check(String source, String file) {
    CompilerEnvirons env = new CompilerEnvirons();
    env.setLanguageVersion(Context.VERSION_ECMASCRIPT);
    env.setRecordingComments(false);
    AstRoot root;
    try {
      root = new Parser(env).parse(source, file, 1);
    } catch (EvaluatorException e) {
      throw new ReducerException(
          file + ":" + e.lineNumber() + ": " + e.details() + unsupportedHint(e.lineSource()), e);
    }
    List<String> problems = new ArrayList<>();
    root.visit(
        node -> {
          if (node instanceof VariableDeclaration decl && decl.isConst() && insideLoopBody(decl)) {
            problems.add(
                file
                    + ":"
                    + decl.getLineno()
                    + ": `const` inside a loop is computed wrongly by the JavaScript engine"
                    + " (Rhino keeps its first value); use `let` here, or loop with forEach/map");
          }
          if (node instanceof FunctionNode fn) {
            Set<String> captured = letLoopVariablesAround(fn);
            if (!captured.isEmpty() && uses(fn, captured)) {
              problems.add(
                  file
                      + ":"
                      + fn.getLineno()
                      + ": a function made inside a `for (let …)` loop sees only the loop variable's"
                      + " last value in this JavaScript engine (Rhino); loop with forEach/map instead");
            }
          }
          return true;
        });
    if (!problems.isEmpty()) {
      throw new ReducerException(String.join("; ", problems));
    }
  }

  private static String unsupportedHint(String line) {
    if (line == null) {
      return "";
    }
    if (line.contains("...")) {
      return " (spread in calls and rest parameters are not supported; pass an array instead)";
    }
    if (line.matches(".*\\bclass\\b.*")) {
      return " (`class` is not supported; use plain objects and functions)";
    }
    if (line.matches(".*for\\s*\\(\\s*const\\b.*")) {
      return " (`for (const …)` is not supported; use `for (let …)` or forEach)";
    }
    return "";
  }

  /** Whether a declaration sits in a loop's body (or head) with no function in between. */
  private static boolean insideLoopBody(AstNode node) {
    for (AstNode p = node.getParent(); p != null; p = p.getParent()) {
      if (p instanceof FunctionNode) {
        return false;
      }
      if (p instanceof Loop) {
        return true;
      }
    }
    return false;
  }

  /**
   * The `let` variables of the `for` loops that enclose a function, up to the next function out.
   */
  private static Set<String> letLoopVariablesAround(FunctionNode fn) {
    Set<String> names = new HashSet<>();
    for (AstNode p = fn.getParent(); p != null; p = p.getParent()) {
      if (p instanceof FunctionNode) {
        break;
      }
      AstNode head = null;
      if (p instanceof ForLoop loop) {
        head = loop.getInitializer();
      } else if (p instanceof ForInLoop loop) {
        head = loop.getIterator();
      }
      if (head instanceof VariableDeclaration decl && decl.isLet()) {
        for (VariableInitializer v : decl.getVariables()) {
          v.getTarget()
              .visit(
                  n -> {
                    if (n instanceof Name name) {
                      names.add(name.getIdentifier());
                    }
                    return true;
                  });
        }
      }
    }
    return names;
  }

  private static boolean uses(FunctionNode fn, Set<String> names) {
    boolean[] found = {false};
    fn.visit(
        n -> {
          if (n instanceof Name name && names.contains(name.getIdentifier())) {
            found[0] = true;
          }
          return !found[0];
        });
    return found[0];
  }
}
