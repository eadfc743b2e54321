package dev.hindsight.ui.state;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.store.codec.Json;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The state as pretty-printed JSON, coloured by token. Numbers are written exactly as stored. A
 * very large state is shown uncoloured: tens of thousands of text nodes would make the view crawl.
 */
final class RawJsonView extends ScrollPane {

  /** Above this many characters the text is one uncoloured node. */
  static final int MAX_COLOURED = 400_000;

  private final TextFlow flow = new TextFlow();
  private String text = "";

  RawJsonView() {
    getStyleClass().add(StateStyles.RAW_JSON);
    flow.getStyleClass().add("json-text");
    setContent(flow);
    setFitToWidth(true);
  }

  /** FX thread. Null clears the view. */
  void show(JsonNode state) {
    text = state == null ? "" : Json.pretty(state);
    List<Text> nodes = new ArrayList<>();
    if (text.length() > MAX_COLOURED) {
      nodes.add(text(text, StateStyles.JSON_PUNCTUATION));
    } else {
      for (JsonTokens.Token t : JsonTokens.of(text)) {
        nodes.add(text(t.text(), StateStyles.tokenClass(t.kind())));
      }
    }
    flow.getChildren().setAll(nodes);
  }

  /** The JSON shown, for the clipboard. */
  String text() {
    return text;
  }

  private static Text text(String s, String styleClass) {
    Text t = new Text(s);
    t.getStyleClass().add(styleClass);
    return t;
  }
}
