package dev.hindsight.ui;

import dev.hindsight.audit.Bookmarks.Bookmark;
import dev.hindsight.audit.Finding;
import dev.hindsight.replay.StreamReplay;
import dev.hindsight.ui.timeline.Marker;
import java.util.ArrayList;
import java.util.List;

/** What the timeline marks on a stream: reducer errors, findings, search hits, bookmarks, A, B. */
final class TimelineMarkers {

  private TimelineMarkers() {}

  static List<Marker> of(StreamReplay r, AnalysisViewModel a, AuditViewModel audit) {
    List<Marker> out = new ArrayList<>();
    r.errors().keySet().forEach(o -> out.add(new Marker(o, Marker.Kind.ERROR)));
    a.searchHits().forEach(o -> out.add(new Marker(o, Marker.Kind.SEARCH_HIT)));
    String id = r.stream().stream();
    for (Bookmark b : audit.bookmarks()) {
      int o = b.stream().equals(id) ? r.ordinalOfVersion(b.version()) : -1;
      if (o >= 0) {
        out.add(new Marker(o, Marker.Kind.BOOKMARK));
      }
    }
    for (Finding f : audit.findings()) {
      int o = ordinalOf(r, f);
      if (o >= 0) {
        out.add(new Marker(o, Marker.Kind.ERROR));
      }
    }
    if (a.compareAProperty().get() != AnalysisViewModel.UNSET) {
      out.add(new Marker(a.compareAProperty().get(), Marker.Kind.COMPARE_A));
    }
    if (a.compareBProperty().get() != AnalysisViewModel.UNSET) {
      out.add(new Marker(a.compareBProperty().get(), Marker.Kind.COMPARE_B));
    }
    return out;
  }

  /**
   * The event a finding of Verify Store (a warning or an error) is at in {@code r}: the last at or
   * before its version (a missing version is shown at the event before the gap); -1 for none.
   */
  static int ordinalOf(StreamReplay r, Finding f) {
    if (!f.counts() || !r.stream().stream().equals(f.stream()) || f.version() == null) {
      return -1;
    }
    return r.ordinalAtVersion(f.version());
  }
}
