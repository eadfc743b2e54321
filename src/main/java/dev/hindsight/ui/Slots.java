package dev.hindsight.ui;

import dev.hindsight.event.EventJson;
import dev.hindsight.replay.StreamReplay;
import dev.hindsight.ui.state.StateView;
import dev.hindsight.ui.timeline.Marker;
import dev.hindsight.ui.timeline.TimelineBar;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;

/** The timeline and state views the window uses, bound to the open stream. */
final class Slots {

  private Slots() {}

  /** The timeline: position both ways, the events' types as colours, reducer errors as markers. */
  static ExplorerPane.TimelineSlot timeline(AuditViewModel audit) {
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
        AnalysisViewModel a = stream.analysis();
        Runnable remark =
            () -> {
              if (stream == bound) {
                markers(stream.replayProperty().get(), a);
              }
            };
        a.searchHits()
            .addListener((javafx.collections.ListChangeListener<Integer>) c -> remark.run());
        a.compareAProperty().addListener((obs, old, now) -> remark.run());
        a.compareBProperty().addListener((obs, old, now) -> remark.run());
        audit
            .bookmarks()
            .addListener(
                (javafx.collections.ListChangeListener<dev.hindsight.audit.Bookmarks.Bookmark>)
                    c -> remark.run());
        audit
            .findings()
            .addListener(
                (javafx.collections.ListChangeListener<dev.hindsight.audit.Finding>)
                    c -> remark.run());
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

      private void markers(StreamReplay r, AnalysisViewModel a) {
        List<Marker> markers = new ArrayList<>();
        if (r != null) {
          r.errors().keySet().forEach(o -> markers.add(new Marker(o, Marker.Kind.ERROR)));
        }
        a.searchHits().forEach(o -> markers.add(new Marker(o, Marker.Kind.SEARCH_HIT)));
        if (r != null) {
          String id = r.stream().stream();
          for (dev.hindsight.audit.Bookmarks.Bookmark b : audit.bookmarks()) {
            int o = b.stream().equals(id) ? r.ordinalOfVersion(b.version()) : -1;
            if (o >= 0) {
              markers.add(new Marker(o, Marker.Kind.BOOKMARK));
            }
          }
          for (dev.hindsight.audit.Finding f : audit.findings()) {
            if (f.counts() && id.equals(f.stream()) && f.version() != null) {
              int o = r.ordinalAtVersion(f.version());
              if (o >= 0) {
                markers.add(new Marker(o, Marker.Kind.ERROR));
              }
            }
          }
        }
        if (a.compareAProperty().get() != AnalysisViewModel.UNSET) {
          markers.add(new Marker(a.compareAProperty().get(), Marker.Kind.COMPARE_A));
        }
        if (a.compareBProperty().get() != AnalysisViewModel.UNSET) {
          markers.add(new Marker(a.compareBProperty().get(), Marker.Kind.COMPARE_B));
        }
        bar.getMarkers().setAll(markers);
      }

      private void load(StreamReplay r) {
        if (r == null) {
          bar.setSize(0);
          return;
        }
        bar.setTypes(r.typeIds(), r.typeNames());
        bar.setSize(r.size());
        markers(r, bound.analysis());
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

  /** The state after the current event, with what it changed highlighted. */
  static ExplorerPane.StateSlot state(java.util.function.Consumer<String> onHistory) {
    StateView view = new StateView();
    view.setId("state");
    view.setOnHistoryRequested(onHistory);
    return new ExplorerPane.StateSlot() {
      @Override
      public Node node() {
        return view;
      }

      @Override
      public void show(StreamReplay.Point point) {
        if (point == null) {
          view.show(null, List.of());
        } else {
          view.show(point.after(), point.changes());
        }
      }
    };
  }
}
