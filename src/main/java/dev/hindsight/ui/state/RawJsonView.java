package dev.hindsight.ui.state;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.store.codec.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The state as pretty-printed JSON, coloured by token. Numbers are written exactly as stored. A
 * very large state is shown uncoloured: tens of thousands of text nodes would make the view crawl.
 */
final class RawJsonView extends ScrollPane {

  /** Above this many characters the text is one uncoloured node. */
  static final int MAX_COLOURED = 400_000;

  /**
   * Above this many characters only the start is shown, with a "Show all" link: laying out tens of
   * megabytes of text (a hostile payload) would hold the window for minutes.
   */
  static final int MAX_SHOWN = 1_000_000;

  private final TextFlow flow = new TextFlow();
  private final Hyperlink showAll = new Hyperlink();
  private String text = "";
  private boolean all;

  RawJsonView() {
    getStyleClass().add(StateStyles.RAW_JSON);
    flow.getStyleClass().add(StateStyles.JSON_TEXT);
    showAll.setId("show-all-json");
    showAll.managedProperty().bind(showAll.visibleProperty());
    showAll.setVisible(false);
    showAll.setOnAction(
        e -> {
          all = true;
          render();
        });
    setContent(new VBox(4, flow, showAll));
    setFitToWidth(true);
  }

  /** FX thread. Null clears the view. */
  void show(JsonNode state) {
    text = state == null ? "" : Json.pretty(state);
    all = false;
    render();
  }

  /** The characters laid out now (all of them, or the first {@link #MAX_SHOWN}). */
  int shownLength() {
    return all ? text.length() : Math.min(text.length(), MAX_SHOWN);
  }

  private void render() {
    boolean cut = !all && text.length() > MAX_SHOWN;
    String shown = cut ? text.substring(0, MAX_SHOWN) : text;
    showAll.setVisible(cut);
    if (cut) {
      showAll.setText(
          String.format(
              Locale.ROOT,
              "Shown: the first %,d of %,d characters. Show all (slow for very large values)",
              MAX_SHOWN,
              text.length()));
    }
    List<Text> nodes = new ArrayList<>();
    if (shown.length() > MAX_COLOURED) {
      nodes.add(text(shown, StateStyles.JSON_PUNCTUATION));
    } else {
      for (JsonTokens.Token t : JsonTokens.of(shown)) {
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
