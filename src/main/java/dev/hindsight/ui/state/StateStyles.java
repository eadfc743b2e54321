package dev.hindsight.ui.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import javafx.css.PseudoClass;

/**
 * Every style class and pseudo-class of the state view (state-view.css), spelled once. Here rather
 * than in the window's {@code UiStyles}: this package knows nothing of the window around it.
 */
final class StateStyles {

  // the view's parts
  static final String STATE_VIEW = "state-view";
  static final String TOOLBAR = "state-toolbar";
  static final String SUMMARY = "change-summary";
  static final String CHANGE_COUNT = "change-count";
  static final String PLACEHOLDER = "state-placeholder";
  static final String PLACEHOLDER_ICON = "placeholder-icon";
  static final String STATE_TREE = "state-tree";
  static final String RAW_JSON = "raw-json";
  static final String JSON_TEXT = "json-text";

  // not styled: names of the toolbar's buttons and the menu's items, for lookups (tests use them)
  static final String CHANGED_ONLY = "changed-only";
  static final String RAW_TOGGLE = "raw-toggle";
  static final String EXPAND_ALL = "expand-all";
  static final String COLLAPSE_ALL = "collapse-all";
  static final String COPY_JSON = "copy-json";
  static final String COPY_VALUE = "copy-value";
  static final String COPY_PATH = "copy-path";
  static final String HISTORY = "history";

  // the labels of a row
  static final String BADGE = "mark-badge";
  static final String KEY = "key";
  static final String OLD_VALUE = "old-value";
  static final String ARROW = "arrow";
  static final String VALUE = "value";

  // JSON colours: style classes in the raw view, pseudo-classes of a row's value labels
  static final String JSON_KEY = "json-key";
  static final String JSON_STRING = "json-string";
  static final String JSON_NUMBER = "json-number";
  static final String JSON_LITERAL = "json-literal";
  static final String JSON_PUNCTUATION = "json-punctuation";
  static final String JSON_SUMMARY = "json-summary";

  // what the current event did to a row (see Mark)
  static final PseudoClass ADDED = PseudoClass.getPseudoClass("added");
  static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");
  static final PseudoClass REMOVED = PseudoClass.getPseudoClass("removed");
  static final PseudoClass CONTAINS_CHANGE = PseudoClass.getPseudoClass("contains-change");

  /** The colours of a value in the tree, as pseudo-classes named like the classes above. */
  static final List<PseudoClass> VALUE_COLOURS =
      Stream.of(JSON_STRING, JSON_NUMBER, JSON_LITERAL, JSON_SUMMARY)
          .map(PseudoClass::getPseudoClass)
          .toList();

  /** On a key label that is an array index rather than a property name. */
  static final PseudoClass INDEX = PseudoClass.getPseudoClass("index");

  /** On the row a tour step points at (see {@link StateView#setHighlight}). */
  static final PseudoClass TOUR = PseudoClass.getPseudoClass("tour");

  private StateStyles() {}

  /** The pseudo-class of a mark; null for {@link Mark#NONE}. */
  static PseudoClass of(Mark mark) {
    return switch (mark) {
      case ADDED -> ADDED;
      case CHANGED -> CHANGED;
      case REMOVED -> REMOVED;
      case CONTAINS_CHANGE -> CONTAINS_CHANGE;
      case NONE -> null;
    };
  }

  /** The colour class of a JSON value's text, shared by the tree and the raw view. */
  static String valueClass(JsonNode node) {
    if (node.isContainerNode()) {
      return JSON_SUMMARY;
    }
    if (node.isTextual()) {
      return JSON_STRING;
    }
    return node.isNumber() ? JSON_NUMBER : JSON_LITERAL;
  }

  static String tokenClass(JsonTokens.Kind kind) {
    return switch (kind) {
      case KEY -> JSON_KEY;
      case STRING -> JSON_STRING;
      case NUMBER -> JSON_NUMBER;
      case LITERAL -> JSON_LITERAL;
      case PUNCTUATION -> JSON_PUNCTUATION;
    };
  }
}
