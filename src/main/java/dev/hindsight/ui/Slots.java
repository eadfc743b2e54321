package dev.hindsight.ui;

import dev.hindsight.event.EventJson;
import dev.hindsight.replay.StreamReplay;
import dev.hindsight.store.codec.Json;
import dev.hindsight.ui.timeline.Marker;
import dev.hindsight.ui.timeline.TimelineBar;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TextArea;

/** The timeline and state views the window uses, bound to the open stream. */
final class Slots {

  private Slots() {}

  /** The timeline: position both ways, the events' types as colours, reducer errors as markers. */
  static ExplorerPane.TimelineSlot timeline() {
    TimelineBar bar = new TimelineBar();
    bar.setId("timeline");
    return new ExplorerPane.TimelineSlot() {
      private StreamViewModel bound;

      @Override
      public Node node() {
        return bar;
      }

      @Override
      public void show(StreamViewModel stream) {
        if (bound != null) {
          bar.ordinalProperty().unbindBidirectional(bound.ordinalProperty());
        }
        bound = stream;
        bar.getMarkers().clear();
        if (stream == null) {
          bar.setSize(0);
          return;
        }
        bar.ordinalProperty().bindBidirectional(stream.ordinalProperty());
        stream
            .replayProperty()
            .addListener(
                (obs, old, r) -> {
                  if (stream == bound) {
                    load(r);
                  }
                });
        load(stream.replayProperty().get());
      }

      private void load(StreamReplay r) {
        if (r == null) {
          bar.setSize(0);
          return;
        }
        bar.setTypes(r.typeIds(), r.typeNames());
        bar.setSize(r.size());
        List<Marker> markers = new ArrayList<>();
        r.errors().keySet().forEach(o -> markers.add(new Marker(o, Marker.Kind.ERROR)));
        bar.getMarkers().setAll(markers);
        bar.tooltipTextProperty()
            .set(
                o -> {
                  if (o < 0 || o >= r.size()) {
                    return "Initial state, before the first event";
                  }
                  String time = r.timestamp(o) == null ? "" : " · " + EventJson.iso(r.timestamp(o));
                  String error =
                      r.errors().containsKey(o)
                          ? "\nReducer error: " + r.errors().get(o).message()
                          : "";
                  return "v" + r.version(o) + " · " + r.type(o) + time + error;
                });
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
