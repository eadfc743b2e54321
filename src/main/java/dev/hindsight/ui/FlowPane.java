package dev.hindsight.ui;

import atlantafx.base.theme.Styles;
import dev.hindsight.event.EventJson;
import dev.hindsight.flow.FlowEvent;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The Flow drawn: one lane per stream, the events as marks on a shared time axis, causes as arrows
 * from cause to effect, the current event ringed, causes outside the store as hollow marks. A click
 * on a mark opens its event in its stream; hovering says what it is.
 */
final class FlowPane extends BorderPane {

  static final double LANE = 34;
  static final double LABEL = 150;
  static final double PAD = 16;
  static final double R = 6;
  private static final Color[] TYPES = {
    Color.web("#2f81f7"), Color.web("#d29922"), Color.web("#8957e5"), Color.web("#3fb950"),
    Color.web("#f85149"), Color.web("#1f9aa8"), Color.web("#db61a2"), Color.web("#768390")
  };

  private final FlowViewModel model;
  private final Canvas canvas = new Canvas();
  private final Pane host = new Pane(canvas);
  private final Tooltip tip = new Tooltip();

  FlowPane(FlowViewModel model) {
    this.model = model;
    setId("flow");
    canvas.setId("flow-canvas");
    Label message = new Label();
    message.setId("flow-message");
    message.getStyleClass().add(Styles.TEXT_MUTED);
    message.setWrapText(true);
    message.textProperty().bind(model.messageProperty());
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(16, 16);
    spinner.visibleProperty().bind(model.busyProperty());
    spinner.managedProperty().bind(spinner.visibleProperty());
    HBox top = new HBox(8, spinner, message);
    top.setAlignment(Pos.CENTER_LEFT);
    top.setPadding(new Insets(6, 8, 4, 8));
    setTop(top);
    ScrollPane scroll = new ScrollPane(host);
    scroll.setFitToWidth(true);
    setCenter(scroll);
    canvas.widthProperty().bind(host.widthProperty());
    canvas.heightProperty().bind(host.heightProperty());
    canvas.widthProperty().addListener(obs -> draw());
    canvas.heightProperty().addListener(obs -> draw());
    model.layoutProperty().addListener(obs -> resize());
    model.currentProperty().addListener(obs -> draw());
    canvas.setOnMouseClicked(
        e -> {
          FlowViewModel.Layout.Mark m = markAt(e);
          if (m != null) {
            model.open(m.event());
          }
        });
    canvas.setOnMouseMoved(
        e -> {
          FlowViewModel.Layout.Mark m = markAt(e);
          if (m == null) {
            Tooltip.uninstall(canvas, tip);
          } else {
            tip.setText(describe(m));
            Tooltip.install(canvas, tip);
          }
        });
  }

  private void resize() {
    FlowViewModel.Layout l = model.layoutProperty().get();
    int lanes = l == null ? 0 : model.flowProperty().get().streams().size();
    host.setPrefHeight(lanes == 0 ? 0 : lanes * LANE + 2 * PAD);
    host.setMinHeight(host.getPrefHeight());
    draw();
  }

  private double x(double fraction) {
    double w = Math.max(1, canvas.getWidth() - LABEL - 2 * PAD);
    return LABEL + PAD + fraction * w;
  }

  private static double y(int lane) {
    return PAD + lane * LANE + LANE / 2;
  }

  private FlowViewModel.Layout.Mark markAt(MouseEvent e) {
    FlowViewModel.Layout l = model.layoutProperty().get();
    if (l == null) {
      return null;
    }
    FlowViewModel.Layout.Mark best = null;
    double bestD = 3 * R;
    for (FlowViewModel.Layout.Mark m : l.marks()) {
      double d = Math.hypot(e.getX() - x(m.x()), e.getY() - y(m.lane()));
      if (d <= bestD) {
        best = m;
        bestD = d;
      }
    }
    return best;
  }

  private static String describe(FlowViewModel.Layout.Mark m) {
    FlowEvent e = m.event();
    return e.stream()
        + " v"
        + e.version()
        + " · "
        + e.type()
        + (e.timestamp() == null ? "" : " · " + EventJson.iso(e.timestamp()))
        + "\nposition "
        + e.position()
        + (m.external() == null ? "" : "\n" + m.external());
  }

  private void draw() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
    FlowViewModel.Layout l = model.layoutProperty().get();
    if (l == null) {
      return;
    }
    List<String> streams = model.flowProperty().get().streams();
    Color text = Color.web("#57606a");
    g.setFont(Font.font(12));
    g.setTextBaseline(VPos.CENTER);
    g.setTextAlign(TextAlignment.LEFT);
    for (int i = 0; i < streams.size(); i++) {
      g.setFill(text);
      g.fillText(streams.get(i), 6, y(i), LABEL - 10);
      g.setStroke(Color.web("#d0d7de"));
      g.setLineWidth(1);
      g.strokeLine(LABEL, y(i), canvas.getWidth() - PAD / 2, y(i));
    }
    g.setStroke(Color.web("#57606a"));
    g.setLineWidth(1.4);
    for (FlowViewModel.Layout.Arrow a : l.arrows()) {
      FlowViewModel.Layout.Mark from = l.marks().get(a.from());
      FlowViewModel.Layout.Mark to = l.marks().get(a.to());
      arrow(g, x(from.x()), y(from.lane()), x(to.x()), y(to.lane()));
    }
    long current = model.currentProperty().get();
    for (FlowViewModel.Layout.Mark m : l.marks()) {
      double cx = x(m.x());
      double cy = y(m.lane());
      Color c = TYPES[Math.floorMod(m.event().type().hashCode(), TYPES.length)];
      if (m.external() != null) { // its cause is outside: a hollow ring before the mark
        g.setStroke(text);
        g.setLineWidth(1);
        g.strokeOval(cx - 2.2 * R, cy - 0.6 * R, 1.2 * R, 1.2 * R);
      }
      g.setFill(c);
      g.fillOval(cx - R, cy - R, 2 * R, 2 * R);
      if (m.event().position() == current) {
        g.setStroke(Color.web("#0969da"));
        g.setLineWidth(2.5);
        g.strokeOval(cx - R - 4, cy - R - 4, 2 * R + 8, 2 * R + 8);
      }
    }
  }

  private static void arrow(GraphicsContext g, double x1, double y1, double x2, double y2) {
    double angle = Math.atan2(y2 - y1, x2 - x1);
    double len = Math.hypot(x2 - x1, y2 - y1);
    if (len < 2 * R + 2) {
      return;
    }
    // from the edge of the cause's mark to the edge of the effect's
    double sx = x1 + Math.cos(angle) * R;
    double sy = y1 + Math.sin(angle) * R;
    double ex = x2 - Math.cos(angle) * (R + 2);
    double ey = y2 - Math.sin(angle) * (R + 2);
    g.strokeLine(sx, sy, ex, ey);
    double head = 7;
    g.strokeLine(ex, ey, ex - head * Math.cos(angle - 0.45), ey - head * Math.sin(angle - 0.45));
    g.strokeLine(ex, ey, ex - head * Math.cos(angle + 0.45), ey - head * Math.sin(angle + 0.45));
  }
}
