package dev.hindsight.ui;

import dev.hindsight.replay.StreamReplay;
import dev.hindsight.store.codec.Json;
import javafx.scene.Node;
import javafx.scene.control.Slider;
import javafx.scene.control.TextArea;

/** The timeline and state views the window uses. */
final class Slots {

  private Slots() {}

  static ExplorerPane.TimelineSlot timeline() {
    Slider slider = new Slider(-1, 0, -1);
    slider.setId("timeline");
    slider.setFocusTraversable(false);
    return new ExplorerPane.TimelineSlot() {
      private StreamViewModel bound;

      @Override
      public Node node() {
        return slider;
      }

      @Override
      public void show(StreamViewModel stream) {
        if (bound != null) {
          slider.valueProperty().unbindBidirectional(bound.ordinalProperty());
        }
        bound = stream;
        if (stream == null) {
          return;
        }
        stream
            .replayProperty()
            .addListener((obs, old, r) -> slider.setMax(r == null ? 0 : r.size() - 1));
        slider.valueProperty().bindBidirectional(stream.ordinalProperty());
      }
    };
  }

  static ExplorerPane.StateSlot state() {
    TextArea area = new TextArea();
    area.setEditable(false);
    return new ExplorerPane.StateSlot() {
      @Override
      public Node node() {
        return area;
      }

      @Override
      public void show(StreamReplay.Point point) {
        area.setText(point == null ? "" : Json.pretty(point.after()));
      }
    };
  }
}
