package dev.hindsight.ui.state;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.css.PseudoClass;

/** Every style class and pseudo-class of the state view (state-view.css), spelled once. */
final class StateStyles {

  static final String STATE_VIEW = "state-view";
  static final String TOOLBAR = "state-toolbar";
  static final String SUMMARY = "change-summary";
  static final String PLACEHOLDER = "state-placeholder";
  static final String RAW_JSON = "raw-json";

  static final String BADGE = "mark-badge";
  static final String KEY = "key";
  static final String OLD_VALUE = "old-value";
  static final String ARROW = "arrow";
  static final String VALUE = "value";

  static final String JSON_KEY = "json-key";
  static final String JSON_STRING = "json-string";
  static final String JSON_NUMBER = "json-number";
  static final String JSON_LITERAL = "json-literal";
  static final String JSON_PUNCTUATION = "json-punctuation";
  static final String JSON_SUMMARY = "json-summary";

  static final PseudoClass ADDED = PseudoClass.getPseudoClass("added");
  static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");
  static final PseudoClass REMOVED = PseudoClass.getPseudoClass("removed");
  static final PseudoClass CONTAINS_CHANGE = PseudoClass.getPseudoClass("contains-change");

  /** The colours of a value in the tree, as pseudo-classes named like the classes above. */
  static final java.util.List<PseudoClass> VALUE_COLOURS =
      java.util.stream.Stream.of(JSON_STRING, JSON_NUMBER, JSON_LITERAL, JSON_SUMMARY)
          .map(PseudoClass::getPseudoClass)
          .toList();

  /** On a key label that is an array index rather than a property name. */
  static final PseudoClass INDEX = PseudoClass.getPseudoClass("index");

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
