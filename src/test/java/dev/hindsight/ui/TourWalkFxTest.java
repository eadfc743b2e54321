package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.tour.Tour;
import dev.hindsight.ui.state.StateRow;
import dev.hindsight.ui.timeline.TimelineBar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 19's "done when": the whole demo tour, at the screen sizes of a laptop, a projector and a
 * desktop, at 100, 150 and 200 %, working and presenting (with the future hidden), light and high
 * contrast. At every step no label, button, caption, tab header or column header is cut short, the
 * step's highlighted value is inside the state's viewport, and with the future hidden nothing says
 * how many events there are or shows a slot for one after the current event.
 *
 * <p>One window per size and mode; the zoom changes in place. Presenting, the window goes full
 * screen (the headless screen's size) and is then sized to the screen under test, as on a screen of
 * that size. Every failure is collected, so one run says all that was cut, and where. A caption
 * longer than a fifth of the window scrolls rather than push the state off the window.
 */
@ExtendWith(ApplicationExtension.class)
class TourWalkFxTest {

  private static final PseudoClass TOUR = PseudoClass.getPseudoClass("tour");
  private static final int[][] SIZES = {{1366, 768}, {1440, 900}, {1920, 1080}};
  private static final int[] ZOOMS = {100, 150, 200};

  /** How the window is set for a walk. */
  private record Mode(String name, boolean presenting, boolean highContrast) {}

  private static final Mode[] MODES = {
    new Mode("working", false, false),
    new Mode("working, high contrast", false, true),
    new Mode("presenting, high contrast, future hidden", true, true),
  };

  private final List<String> failures = new ArrayList<>();
  private Path demo;

  @Start
  void start(Stage stage) throws Exception {
    javafx.application.Application.setUserAgentStylesheet(
        new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    demo = DemoStore.copy();
  }

  private static void until(String what, Callable<Boolean> condition) throws Exception {
    try {
      WaitForAsyncUtils.waitFor(
          15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("waited in vain for " + what, e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static <T> T fx(Callable<T> c) throws Exception {
    return WaitForAsyncUtils.asyncFx(c).get();
  }

  @Test
  void theWholeDemoTourFitsAtEverySizeZoomAndMode() throws Exception {
    Tour tour = DemoStore.tour();
    int checked = 0;
    // JavaFX says when a list's sizes do not add up ("index exceeds maxCellCount"): a row height
    // in fractions of a pixel, or a list scrolled while it is out of the window
    List<String> sizeWarnings = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Handler warnings =
        new java.util.logging.Handler() {
          @Override
          public void publish(java.util.logging.LogRecord r) {
            if (r.getMessage() != null && r.getMessage().contains("maxCellCount")) {
              sizeWarnings.add(r.getMessage());
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    root.addHandler(warnings);
    try {
      for (int[] size : SIZES) {
        for (Mode mode : MODES) {
          checked += walk(tour, size[0], size[1], mode);
        }
      }
    } finally {
      root.removeHandler(warnings);
    }
    assertThat(sizeWarnings).as("JavaFX's warnings of rows that do not add up").isEmpty();
    assertThat(checked)
        .as("steps walked")
        .isEqualTo(SIZES.length * MODES.length * ZOOMS.length * tour.steps().size());
    assertThat(failures).as("what was cut, hidden or given away").isEmpty();
  }

  /** Walks the tour in one window at every zoom; returns the steps checked. */
  private int walk(Tour tour, int width, int height, Mode mode) throws Exception {
    MainWindow window = fx(TestWindows::window);
    ExplorerViewModel model = window.model().explorer();
    Presentation p = window.model().presentation();
    Stage stage =
        fx(
            () -> {
              Stage s = new Stage();
              s.setScene(new Scene(window, width, height));
              s.show();
              return s;
            });
    int checked = 0;
    flowShown = false;
    long began = System.nanoTime();
    try {
      fx(
          () -> {
            model.loadReducers(DemoStore.reducersOf(demo));
            model.streams().open(demo);
            return null;
          });
      until("the demo", () -> model.streams().statusProperty().get().startsWith("50 streams"));
      until("its reducers", () -> !model.reducerName().startsWith("generic"));
      fx(
          () -> {
            p.highContrastProperty().set(mode.highContrast());
            p.presentingProperty().set(mode.presenting());
            p.hideFutureProperty().set(mode.presenting());
            window.model().commands().startTour(DemoStore::tour);
            return null;
          });
      if (mode.presenting()) {
        // full screen on the headless screen; then as on a screen of the size under test
        fx(
            () -> {
              stage.setX(0);
              stage.setY(0);
              stage.setWidth(width);
              stage.setHeight(height);
              return null;
            });
      }
      until(
          "the window at " + width + "×" + height,
          () ->
              window.getWidth() == width
                  && window.getHeight() == height
                  && mode.presenting() == stage.isFullScreen());
      for (int zoom : ZOOMS) {
        fx(
            () -> {
              p.zoomProperty().set(zoom);
              return null;
            });
        for (int step = 0; step < tour.steps().size(); step++) {
          int i = step;
          String where =
              width + "×" + height + " " + zoom + " % " + mode.name() + ", step " + (i + 1);
          step(window, model, tour, i);
          fx(
              () -> {
                check(window, tour.steps().get(i), mode, where);
                return null;
              });
          checked++;
        }
      }
    } finally {
      System.out.printf(
          "walked %d×%d %s in %.1f s%n",
          width, height, mode.name(), (System.nanoTime() - began) / 1e9);
      fx(
          () -> {
            p.presentingProperty().set(false);
            window.dispose();
            stage.close();
            return null;
          });
    }
    return checked;
  }

  private static void step(MainWindow window, ExplorerViewModel model, Tour tour, int i)
      throws Exception {
    Tour.Step step = tour.steps().get(i);
    fx(
        () -> {
          window.model().tour().go(i);
          return null;
        });
    until(
        step.stream() + " v" + step.version(),
        () -> {
          StreamViewModel vm = model.streamProperty().get();
          var point = vm == null ? null : vm.pointProperty().get();
          return point != null
              && point.event() != null
              && point.event().stream().equals(step.stream())
              && point.event().version() == step.version()
              && !highlightCells(window).isEmpty()
              && window.lookup("#event-detail") != null;
        });
    // the details and the state follow a moving position at most every 150 ms: the last of them
    // is shown by the time the highlight is; one more pulse lays it out
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** The state's rows with the tour's highlight. */
  private static List<TreeCell<?>> highlightCells(MainWindow window) {
    List<TreeCell<?>> cells = new ArrayList<>();
    for (Node n : window.lookupAll("#state .tree-cell")) {
      if (n instanceof TreeCell<?> c
          && c.isVisible()
          && c.getItem() != null
          && c.getPseudoClassStates().contains(TOUR)) {
        cells.add(c);
      }
    }
    return cells;
  }

  private void check(MainWindow window, Tour.Step step, Mode mode, String where) {
    window.applyCss();
    window.layout();
    Set<String> cut = new LinkedHashSet<>();
    Clipped.labels(window, cut);
    cut.forEach(c -> failures.add(where + ": " + c));
    highlightInView(window, step, where);
    captionReadable(window, step, where);
    if (mode.presenting()) {
      futureHidden(window, where);
      analysisAway(window, step, where);
    }
  }

  private void highlightInView(MainWindow window, Tour.Step step, String where) {
    List<TreeCell<?>> cells = highlightCells(window);
    if (cells.size() != 1
        || !(cells.get(0).getItem() instanceof StateRow row)
        || !row.path().equals(step.path())) {
      failures.add(where + ": highlighted " + cells.size() + " rows, not " + step.path());
      return;
    }
    TreeCell<?> cell = cells.get(0);
    TreeView<?> tree = cell.getTreeView();
    VirtualFlow<?> flow = (VirtualFlow<?>) tree.lookup(".virtual-flow");
    Node clip = flow.lookup(".clipped-container");
    Bounds view = clip.localToScene(clip.getLayoutBounds());
    Bounds b = cell.localToScene(cell.getLayoutBounds());
    Bounds inWindow = window.localToScene(window.getLayoutBounds());
    boolean inside =
        b.getMinY() >= view.getMinY() - 1
            && b.getMaxY() <= view.getMaxY() + 1 // a row of 26.6 px may end a fraction lower
            && view.getHeight() > 0
            && view.getMaxY() <= inWindow.getMaxY() + 0.5
            && b.getMinX() >= view.getMinX() - 0.5;
    if (!inside) {
      failures.add(
          where + ": " + step.path() + " at " + b + " is outside the state's viewport " + view);
    }
  }

  /**
   * The step's caption is all there: wrapped whole, and either wholly inside its box or in a box
   * that scrolls (at most a fifth of the window, so the state keeps its room).
   */
  private void captionReadable(MainWindow window, Tour.Step step, String where) {
    Label caption = (Label) window.lookup("#tour-caption");
    if (!step.caption().equals(caption.getText())) {
      failures.add(where + ": the caption is not the step's");
      return;
    }
    Node up = caption.getParent();
    while (!(up instanceof ScrollPane)) {
      up = up.getParent();
    }
    ScrollPane box = (ScrollPane) up;
    double shown = box.getViewportBounds().getHeight();
    boolean scrollBar =
        box.lookupAll(".scroll-bar").stream()
            .anyMatch(
                n ->
                    n instanceof ScrollBar b
                        && b.getOrientation() == Orientation.VERTICAL
                        && b.isVisible()
                        && b.getHeight() > 0);
    if (caption.getHeight() > shown + 0.5 && !scrollBar) {
      failures.add(
          where
              + ": the caption is "
              + caption.getHeight()
              + " px high in a box of "
              + shown
              + " px that does not scroll");
    }
    double most =
        window.getScene().getHeight() * CaptionBox.WINDOW_SHARE
            + caption.snappedTopInset()
            + caption.snappedBottomInset()
            + box.snappedTopInset()
            + box.snappedBottomInset()
            + 1;
    if (box.getHeight() > most) {
      failures.add(where + ": the caption takes " + box.getHeight() + " px of the window");
    }
  }

  /** Presenting, the state has its whole column until a step shows a flow (in the Flow tab). */
  private boolean flowShown;

  private void analysisAway(MainWindow window, Tour.Step step, String where) {
    flowShown |= step.flow();
    Node analysis = window.lookup("#analysis");
    boolean shown = analysis != null && analysis.getScene() != null && Clipped.isShown(analysis);
    if (shown != flowShown) {
      failures.add(
          where + (shown ? ": the analysis tabs show before any flow" : ": the flow is not shown"));
    }
  }

  private void futureHidden(MainWindow window, String where) {
    String position = ((Label) window.lookup("#position")).getText();
    if (position.contains("/")) {
      failures.add(where + ": the position gives the count away: " + position);
    }
    for (Node n : window.lookupAll(".presenter-where")) {
      String text = ((Label) n).getText();
      if (text.contains(" of ")) {
        failures.add(where + ": the presentation heading gives the count away: " + text);
      }
    }
    StreamViewModel vm = window.model().explorer().streamProperty().get();
    int ordinal = vm.pointProperty().get().ordinal();
    TableView<?> table = (TableView<?>) window.lookup("#events");
    if (table.getItems().size() != ordinal + 1) {
      failures.add(
          where
              + ": the events table lists "
              + table.getItems().size()
              + " events at event "
              + (ordinal + 1));
    }
    if (!((TimelineBar) window.lookup("#timeline")).isHideFuture()) {
      failures.add(where + ": the timeline shows the future");
    }
    Node streams = window.lookup("#streams");
    if (streams != null && Clipped.isShown(streams)) {
      failures.add(where + ": the stream list shows each stream's count of events");
    }
  }
}
