package dev.hindsight.ui;

import dev.hindsight.event.EventJson;
import dev.hindsight.replay.StreamReplay;
import dev.hindsight.ui.timeline.Marker;
import dev.hindsight.ui.timeline.TimelineBar;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;

/**
 * The timeline bar bound to the open stream: its position both ways, the events' types as colours,
 * a tooltip per event, and the window's markers (worked out by the {@link WindowViewModel}).
 */
final class TimelineBinding implements ExplorerPane.TimelineSlot {

  private final TimelineBar bar = new TimelineBar();
  private final ChangeListener<StreamReplay> onReplay = (obs, old, r) -> load(r);
  private StreamViewModel bound;

  TimelineBinding(ObservableList<Marker> markers) {
    bar.setId("timeline");
    bar.getMarkers().setAll(markers);
    markers.addListener((ListChangeListener<Marker>) c -> bar.getMarkers().setAll(markers));
  }

  @Override
  public Node node() {
    return bar;
  }

  TimelineBar bar() {
    return bar;
  }

  @Override
  public void show(StreamViewModel stream) {
    if (bound != null) {
      bar.ordinalProperty().unbindBidirectional(bound.ordinalProperty());
      bound.replayProperty().removeListener(onReplay);
    }
    bound = stream;
    if (stream == null) {
      bar.setSize(0);
      return;
    }
    bar.ordinalProperty().bindBidirectional(stream.ordinalProperty());
    stream.replayProperty().addListener(onReplay);
    load(stream.replayProperty().get());
  }

  private void load(StreamReplay r) {
    if (r == null) {
      bar.setSize(0);
      return;
    }
    bar.setTypes(r.typeIds(), r.typeNames());
    bar.setSize(r.size());
    bar.tooltipTextProperty().set(o -> tooltip(r, o));
  }

  private static String tooltip(StreamReplay r, int o) {
    if (o < 0 || o >= r.size()) {
      return "Initial state, before the first event";
    }
    String time = r.timestamp(o) == null ? "" : " · " + EventJson.iso(r.timestamp(o));
    String error =
        r.errors().containsKey(o) ? "\nReducer error: " + r.errors().get(o).message() : "";
    return "v" + r.version(o) + " · " + r.type(o) + time + error;
  }
}
