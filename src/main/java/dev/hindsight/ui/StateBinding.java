package dev.hindsight.ui;

import dev.hindsight.replay.StreamReplay;
import dev.hindsight.ui.state.StateView;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;

/** The state view in the explorer: the state after the current event, its changes highlighted. */
final class StateBinding implements ExplorerPane.StateSlot {

  private final StateView view = new StateView();

  /** {@code onHistory} gets the JSON pointer whose history the state's context menu asks for. */
  StateBinding(Consumer<String> onHistory) {
    view.setId("state");
    view.setOnHistoryRequested(onHistory);
  }

  @Override
  public Node node() {
    return view;
  }

  StateView view() {
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
}
