package dev.hindsight.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The views of the whole store beside the open stream: the Log (every event), the Flow (the current
 * event's correlation across streams), the store as of a time, Find in all streams and the
 * comparison with other reducers; and which of them the window's main area shows.
 */
public final class StoreViews {

  /** What the window's main area shows. */
  public enum View {
    STREAM,
    LOG,
    AS_OF,
    FIND_ALL,
    REDUCERS
  }

  private final LogViewModel log;
  private final FlowViewModel flow;
  private final AsOfViewModel asOf;
  private final FindAllViewModel findAll;
  private final ReducerCompareViewModel reducers;
  private final ObjectProperty<View> view = new SimpleObjectProperty<>(this, "view", View.STREAM);

  StoreViews(TaskRunner tasks, ExplorerViewModel explorer) {
    this.log = new LogViewModel(tasks, explorer);
    this.flow = new FlowViewModel(tasks, explorer);
    this.asOf = new AsOfViewModel(tasks, explorer);
    this.findAll = new FindAllViewModel(tasks, explorer);
    this.reducers = new ReducerCompareViewModel(tasks, explorer);
    // the Log reads the store only while it is the view; opening one of its rows shows the stream
    view.addListener((obs, old, now) -> log.shownProperty().set(now == View.LOG));
    log.shownProperty()
        .addListener(
            (obs, old, on) -> {
              if (on) {
                view.set(View.LOG);
              } else if (view.get() == View.LOG) {
                view.set(View.STREAM);
              }
            });
    // the store as of a time starts from the open stream's type
    view.addListener(
        (obs, old, now) -> {
          StreamViewModel open = explorer.streamProperty().get();
          String type = asOf.typeProperty().get();
          if (now == View.AS_OF && (type == null || type.isEmpty()) && open != null) {
            asOf.typeProperty().set(open.stream().type());
          }
        });
    // a stream opened from the store as of a time is shown
    asOf.setOnOpen(() -> view.set(View.STREAM));
    findAll.setOnOpen(() -> view.set(View.STREAM));
  }

  /** The main area's view: the open stream, the Log, the store as of a time, or Find in all. */
  public ObjectProperty<View> viewProperty() {
    return view;
  }

  public LogViewModel log() {
    return log;
  }

  public FlowViewModel flow() {
    return flow;
  }

  public AsOfViewModel asOf() {
    return asOf;
  }

  public FindAllViewModel findAll() {
    return findAll;
  }

  /** File › Compare with Other Reducers…: the window's reducers against another set. */
  public ReducerCompareViewModel reducers() {
    return reducers;
  }
}
