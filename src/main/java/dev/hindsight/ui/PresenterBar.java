package dev.hindsight.ui;

import atlantafx.base.theme.Styles;
import dev.hindsight.event.EventJson;
import dev.hindsight.event.TypeNames;
import dev.hindsight.replay.StreamReplay;
import dev.hindsight.tour.Tour;
import dev.hindsight.ui.layout.WrapRow;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Above the explorer: in presentation mode the current event's type, large, with where it is; on a
 * tour, the step's caption with Previous and Next. Hidden when neither is on.
 */
final class PresenterBar extends VBox {

  final Label type = new Label();
  final Label where = new Label();
  final Label tourTitle = new Label();
  final Label stepCount = new Label();
  final Label caption = new Label();
  final CaptionBox captionBox;
  final Label problem = new Label();
  final Button previous = new Button("Previous", new FontIcon(Feather.ARROW_LEFT));
  final Button next = new Button("Next", new FontIcon(Feather.ARROW_RIGHT));
  final Button close = new Button(null, new FontIcon(Feather.X));
  private final Pane eventBox;
  private final VBox tourBox;

  PresenterBar(TourViewModel tour, Presentation presentation) {
    getStyleClass().add(UiStyles.PRESENTER_BAR);
    setId("presenter-bar");
    type.setId("presenter-type");
    type.getStyleClass().add(UiStyles.PRESENTER_TYPE);
    where.getStyleClass().addAll(UiStyles.PRESENTER_WHERE, Styles.TEXT_MUTED);
    // the type and where it is wrap to two rows rather than shrink to "…" at a large zoom
    eventBox = WrapRow.of(16, 0, VPos.BASELINE, type, where);

    tourTitle.getStyleClass().addAll(UiStyles.TOUR_TITLE, Styles.TEXT_MUTED);
    stepCount.setId("tour-step");
    stepCount.getStyleClass().addAll(UiStyles.TOUR_STEP, Styles.TEXT_MUTED);
    caption.setId("tour-caption");
    caption.getStyleClass().add(UiStyles.TOUR_CAPTION);
    caption.textProperty().bind(tour.captionProperty());
    caption.managedProperty().bind(caption.textProperty().isNotEmpty());
    caption.visibleProperty().bind(caption.managedProperty());
    captionBox = new CaptionBox(caption);
    problem.setId("tour-problem");
    problem.getStyleClass().add(Styles.DANGER);
    problem.setWrapText(true);
    problem.managedProperty().bind(problem.visibleProperty());
    problem.visibleProperty().bind(tour.problemProperty().isNotNull());
    problem.textProperty().bind(tour.problemProperty());
    previous.setId("tour-previous");
    previous.setTooltip(new Tooltip("Previous step (Page Up)"));
    previous.setOnAction(e -> tour.previous());
    next.setId("tour-next");
    next.setTooltip(new Tooltip("Next step (Page Down)"));
    next.setOnAction(e -> tour.next());
    next.getStyleClass().add(Styles.ACCENT);
    next.setContentDisplay(ContentDisplay.RIGHT);
    close.setId("tour-close");
    close.setTooltip(new Tooltip("Close the tour"));
    close.getStyleClass().addAll(Styles.FLAT, Styles.BUTTON_ICON);
    close.setOnAction(e -> tour.close());
    // the title and the step wrap to a second row rather than shrink to "…"; the buttons keep
    // their words at the right
    Pane names = WrapRow.of(10, 2, new FontIcon(Feather.MAP), tourTitle, stepCount);
    HBox.setHgrow(names, Priority.ALWAYS);
    HBox buttons = new HBox(10, previous, next, close);
    buttons.setAlignment(Pos.CENTER_RIGHT);
    buttons.setMinWidth(Region.USE_PREF_SIZE);
    for (Button b : new Button[] {previous, next, close}) {
      b.setMinWidth(Region.USE_PREF_SIZE);
    }
    HBox tourHead = new HBox(10, names, buttons);
    tourHead.setAlignment(Pos.CENTER_LEFT);
    tourBox = new VBox(6, tourHead, captionBox, problem);
    tourBox.getStyleClass().add(UiStyles.TOUR_BOX);

    eventBox.visibleProperty().bind(presentation.presentingProperty());
    eventBox.managedProperty().bind(eventBox.visibleProperty());
    tourBox.visibleProperty().bind(tour.tourProperty().isNotNull());
    tourBox.managedProperty().bind(tourBox.visibleProperty());
    visibleProperty().bind(eventBox.visibleProperty().or(tourBox.visibleProperty()));
    managedProperty().bind(visibleProperty());
    setPadding(new Insets(8, 14, 10, 14));
    setSpacing(6);
    getChildren().addAll(eventBox, tourBox);

    tour.tourProperty().addListener((obs, old, t) -> showStep(tour));
    tour.indexProperty().addListener((obs, old, i) -> showStep(tour));
    tour.awayProperty().addListener((obs, old, a) -> showStep(tour));
  }

  private void showStep(TourViewModel tour) {
    Tour t = tour.tourProperty().get();
    int i = tour.indexProperty().get();
    if (t == null || i < 0) {
      stepCount.setText("");
      tourTitle.setText(t == null ? "" : t.title());
      return;
    }
    tourTitle.setText(t.title().isEmpty() ? "Tour" : t.title());
    stepCount.setText(
        String.format(Locale.ROOT, "Step %d of %d", i + 1, t.steps().size())
            + (tour.awayProperty().get() ? " · off the tour (Page Down goes on)" : ""));
    previous.setDisable(i == 0);
    next.setDisable(i == t.steps().size() - 1);
  }

  /**
   * Shows the current event (presentation mode); null: no stream. With the future hidden, the
   * number of events is not given away either.
   */
  void showPoint(StreamReplay.Point p, int size, boolean hideFuture) {
    if (p == null) {
      type.setText("");
      where.setText("");
    } else if (p.event() == null) {
      type.setText("Initial state");
      where.setText(
          hideFuture
              ? "before the first event"
              : String.format(Locale.ROOT, "before the first of %,d events", size));
    } else {
      // large on a projector: the short name, which is the part that tells events apart
      type.setText(TypeNames.shortName(p.event().type()));
      where.setText(
          String.format(
                  Locale.ROOT,
                  "%s · v%d · event %,d%s",
                  p.event().stream(),
                  p.event().version(),
                  p.ordinal() + 1,
                  hideFuture ? "" : String.format(Locale.ROOT, " of %,d", size))
              + (p.event().timestamp() == null
                  ? ""
                  : " · " + EventJson.iso(p.event().timestamp())));
    }
  }
}
