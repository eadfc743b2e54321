package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 19 for the analysis tabs under the state, in the real window at 1366×768 (a laptop), at
 * 100, 150 and 200 %: in every tab (Compare, History, Find, Search, Flow, Findings, Bookmarks),
 * before anything is asked (the placeholders) and with answers, no label or button is cut to "…",
 * every list keeps at least 6 em of height, and History lists enough of its 888 rows to read.
 */
@ExtendWith(ApplicationExtension.class)
class AnalysisTabsFxTest {

  private static final int WIDTH = 1366;
  private static final int HEIGHT = 768;
  private static final int[] ZOOMS = {100, 150, 200};

  /**
   * The rows of History's list wholly in sight, at least, by zoom. The window first places the
   * divider so that the state keeps 56 % of the column; choosing a tab whose pane is too short to
   * show it moves the divider up (the state keeps its least height): at 200 % the headers take
   * three rows, and two rows of History fit under them on a 1366×768 laptop.
   */
  private static final Map<Integer, Integer> HISTORY_ROWS = Map.of(100, 6, 150, 3, 200, 2);

  /** The lists' least height, in em of the type at the zoom. */
  private static final double LIST_EM = 6;

  private static final String[] TABS = {
    "Compare", "History", "Find", "Search", "Flow", "Findings", "Bookmarks"
  };

  private final List<String> failures = new ArrayList<>();
  private final Map<Integer, Integer> historyRows = new LinkedHashMap<>();
  private final Map<Integer, Integer> cutFindings = new LinkedHashMap<>();
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
          20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    } catch (TimeoutException e) {
      throw new AssertionError("waited in vain for " + what, e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static <T> T fx(Callable<T> c) throws Exception {
    return WaitForAsyncUtils.asyncFx(c).get();
  }

  private static void run(Runnable r) throws Exception {
    fx(
        () -> {
          r.run();
          return null;
        });
  }

  @Test
  void everyAnalysisTabKeepsItsWordsAndItsListsAtEveryZoom() throws Exception {
    MainWindow window = fx(TestWindows::window);
    ExplorerViewModel model = window.model().explorer();
    Stage stage =
        fx(
            () -> {
              Stage s = new Stage();
              s.setScene(new Scene(window, WIDTH, HEIGHT));
              s.show();
              return s;
            });
    try {
      run(
          () -> {
            model.loadReducers(DemoStore.reducersOf(demo));
            model.streams().open(demo);
          });
      until("the demo", () -> model.streams().statusProperty().get().startsWith("50 streams"));
      until("its reducers", () -> !model.reducerName().startsWith("generic"));
      until(
          "the window at " + WIDTH + "×" + HEIGHT,
          () -> window.getWidth() == WIDTH && window.getHeight() == HEIGHT);
      boolean first = true;
      for (int zoom : ZOOMS) {
        run(() -> window.model().presentation().zoomProperty().set(zoom));
        // nothing asked yet: the placeholders and the empty forms
        open(window, "account-savings");
        for (String tab : TABS) {
          if (first || !tab.equals("Findings")) { // findings are the store's: verified below
            select(window, tab);
            check(window, zoom, tab + ", nothing asked");
          }
        }
        first = false;
        // the answers
        StreamViewModel vm = open(window, "account-operating");
        run(
            () -> {
              vm.ordinalProperty().set(0);
              vm.analysis().markA();
              vm.ordinalProperty().set(vm.replayProperty().get().size() - 1);
              vm.analysis().markB();
            });
        until("the comparison", () -> !vm.analysis().comparison().isEmpty());
        select(window, "Compare");
        check(window, zoom, "Compare, A and B set");

        run(() -> window.showHistory("/balance"));
        until("the history of /balance", () -> vm.analysis().history().size() == 888);
        until("the History tab", () -> selected(window).equals("History"));
        check(window, zoom, "History of /balance");
        historyRows.put(zoom, fx(() -> rowsInSight(window.lookup("#history"))));

        run(() -> window.model().findConditionProperty().set("state.balance < 0"));
        select(window, "Find");
        check(window, zoom, "Find, a condition typed");

        run(
            () -> {
              window.model().searchTypeProperty().set("Withdrawn");
              ((Button) window.lookup("#search")).fire();
            });
        until("the search", () -> vm.analysis().searchHits().size() == 80);
        select(window, "Search");
        check(window, zoom, "Search, 80 hits");

        run(window::showFlow);
        until(
            "the flow",
            () ->
                window.model().views().flow().flowProperty().get() != null
                    && !window.model().views().flow().busyProperty().get());
        check(window, zoom, "Flow of the last deposit");

        run(() -> model.audit().verify());
        until("the findings", () -> !model.audit().verifyingProperty().get());
        select(window, "Findings");
        check(window, zoom, "Findings, verified");
        cutFindings.put(zoom, fx(() -> cutLinesHaveTheirTip(window.lookup("#findings"), zoom)));

        select(window, "Bookmarks");
        check(window, zoom, "Bookmarks, verified");
      }
    } finally {
      run(
          () -> {
            window.dispose();
            stage.close();
          });
    }
    System.out.println("History rows wholly in sight at 1366×768, by zoom: " + historyRows);
    System.out.println(
        "Findings cut short (their whole line in a tooltip), by zoom: " + cutFindings);
    assertThat(failures).as("what was cut or squeezed in the analysis tabs").isEmpty();
    HISTORY_ROWS.forEach(
        (zoom, rows) ->
            assertThat(historyRows.get(zoom))
                .as("History's rows in sight at " + zoom + " %")
                .isGreaterThanOrEqualTo(rows));
    assertThat(cutFindings.get(200))
        .as("findings cut short at 200 %, the tooltips checked")
        .isPositive();
  }

  private static StreamViewModel open(MainWindow window, String stream) throws Exception {
    ExplorerViewModel model = window.model().explorer();
    run(() -> model.openStream(stream, Long.MAX_VALUE));
    until(
        stream,
        () -> {
          StreamViewModel vm = model.streamProperty().get();
          return vm != null
              && vm.stream().stream().equals(stream)
              && vm.replayProperty().get() != null
              && vm.pointProperty().get() != null;
        });
    return fx(() -> model.streamProperty().get());
  }

  private static TabPane tabs(MainWindow window) {
    return (TabPane) window.lookup(".analysis .tab-pane");
  }

  private static String selected(MainWindow window) {
    return tabs(window).getSelectionModel().getSelectedItem().getText();
  }

  /** Chooses the tab by its header in the strip, as a click does. */
  private static void select(MainWindow window, String title) throws Exception {
    run(
        () -> {
          for (Node n : window.lookupAll(".analysis .tab-strip .toggle-button")) {
            if (n instanceof ToggleButton b && title.equals(b.getText())) {
              b.fire();
            }
          }
        });
    until("the " + title + " tab", () -> selected(window).equals(title));
  }

  private void check(MainWindow window, int zoom, String what) throws Exception {
    String where = WIDTH + "×" + HEIGHT + " " + zoom + " % " + what;
    List<String> found =
        fx(
            () -> {
              window.applyCss();
              window.layout();
              Parent analysis = (Parent) window.lookup(".analysis");
              Set<String> cut = new LinkedHashSet<>();
              Clipped.labels(analysis, cut);
              List<String> out = new ArrayList<>(cut);
              Tab tab = tabs(window).getSelectionModel().getSelectedItem();
              double em = Presentation.BASE_FONT * zoom / 100; // the root's type size
              for (Node n : tab.getContent().lookupAll(".list-view")) {
                if (n instanceof ListView<?> list && Clipped.isShown(list)) {
                  if (list.getHeight() < LIST_EM * em - 0.5) {
                    out.add(
                        Clipped.describe(list)
                            + " is "
                            + Math.round(list.getHeight())
                            + " px high, less than "
                            + LIST_EM
                            + " em ("
                            + Math.round(LIST_EM * em)
                            + " px)");
                  }
                }
              }
              return out;
            });
    found.forEach(f -> failures.add(where + ": " + f));
  }

  /**
   * Every finding cut short has its whole line in its tooltip, and one shown whole has none;
   * returns how many were cut.
   */
  private int cutLinesHaveTheirTip(Node node, int zoom) {
    int cut = 0;
    for (Node n : node.lookupAll(".list-cell")) {
      if (n instanceof ListCell<?> c && c.isVisible() && c.getText() != null) {
        String shown = Clipped.displayed(c);
        boolean whole = c.getText().equals(shown);
        cut += whole ? 0 : 1;
        String tip = c.getTooltip() == null ? null : c.getTooltip().getText();
        if (whole ? tip != null : !c.getText().equals(tip)) {
          failures.add(
              zoom + " %: the finding \"" + shown + "\" has the tooltip " + tip + ", not its line");
        }
      }
    }
    return cut;
  }

  /** The rows of a list wholly in sight: inside its viewport and every clip around it. */
  private static int rowsInSight(Node node) {
    ListView<?> list = (ListView<?>) node;
    VirtualFlow<?> flow = (VirtualFlow<?>) list.lookup(".virtual-flow");
    Node clip = flow.lookup(".clipped-container");
    double top = clip.localToScene(clip.getLayoutBounds()).getMinY();
    double bottom = clip.localToScene(clip.getLayoutBounds()).getMaxY();
    for (Node a = list; a != null; a = a.getParent()) {
      if (a.getClip() != null) {
        Bounds b = a.localToScene(a.getClip().getBoundsInLocal());
        top = Math.max(top, b.getMinY());
        bottom = Math.min(bottom, b.getMaxY());
      }
    }
    bottom = Math.min(bottom, list.getScene().getHeight());
    int rows = 0;
    for (Node n : list.lookupAll(".list-cell")) {
      if (n instanceof ListCell<?> c && c.isVisible() && c.getItem() != null) {
        Bounds b = c.localToScene(c.getLayoutBounds());
        if (b.getHeight() > 0 && b.getMinY() >= top - 0.5 && b.getMaxY() <= bottom + 0.5) {
          rows++;
        }
      }
    }
    return rows;
  }
}
