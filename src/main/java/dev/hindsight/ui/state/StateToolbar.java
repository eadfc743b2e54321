package dev.hindsight.ui.state;

import atlantafx.base.theme.Styles;
import dev.hindsight.replay.Change;
import dev.hindsight.ui.layout.EndsRow;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The state view's toolbar: what the event changed, and the view's toggles as icon buttons. */
final class StateToolbar extends StackPane {

  final ToggleButton changedOnly = icon(new ToggleButton(), Feather.FILTER, "Changed only");
  final ToggleButton rawJson = icon(new ToggleButton(), Feather.CODE, "Raw JSON");
  final Button expandAll = icon(new Button(), Feather.CHEVRONS_DOWN, "Expand all");
  final Button collapseAll = icon(new Button(), Feather.CHEVRONS_UP, "Collapse all");
  final Button copyJson = icon(new Button(), Feather.COPY, "Copy the JSON");

  private final Label title = new Label();
  private final Label added = count("+", Styles.SUCCESS);
  private final Label changed = count("~", Styles.WARNING);
  private final Label removed = count("−", Styles.DANGER);
  private final Label none = new Label("no changes");
  // no state: nothing to filter, expand or copy
  private final BooleanProperty empty = new SimpleBooleanProperty(true);

  private final boolean counts;

  /**
   * @param titleText what the view shows ("State", "Data")
   * @param counts whether to count what the changes did (a view with changes to show)
   */
  StateToolbar(String titleText, boolean counts) {
    this.counts = counts;
    title.setText(titleText);
    getStyleClass().add(StateStyles.TOOLBAR);
    changedOnly.getStyleClass().add(StateStyles.CHANGED_ONLY);
    rawJson.getStyleClass().add(StateStyles.RAW_TOGGLE);
    expandAll.getStyleClass().add(StateStyles.EXPAND_ALL);
    collapseAll.getStyleClass().add(StateStyles.COLLAPSE_ALL);
    copyJson.getStyleClass().add(StateStyles.COPY_JSON);
    title.getStyleClass().add(Styles.TEXT_BOLD);
    none.getStyleClass().add(Styles.TEXT_MUTED);
    // the words keep their letters ("St…" says nothing); the spacer gives way first
    for (Label l : new Label[] {title, added, changed, removed, none}) {
      l.setMinWidth(Region.USE_PREF_SIZE);
    }
    HBox summary = new HBox(6, added, changed, removed, none);
    summary.getStyleClass().add(StateStyles.SUMMARY);
    summary.setAlignment(Pos.CENTER_LEFT);
    HBox.setMargin(summary, new Insets(0, 0, 0, 8));
    HBox names = new HBox(4, this.title, summary);
    names.setAlignment(Pos.CENTER_LEFT);
    changedOnly.setVisible(counts);
    changedOnly.setManaged(counts);
    HBox buttons =
        new HBox(
            4,
            changedOnly,
            rawJson,
            new Separator(Orientation.VERTICAL),
            expandAll,
            collapseAll,
            copyJson);
    buttons.setAlignment(Pos.CENTER_RIGHT);
    // the buttons go to a second line rather than cut the title when the pane is narrow
    getChildren().add(new EndsRow(names, buttons, 8, 2));
    copyJson.visibleProperty().bind(rawJson.selectedProperty());
    copyJson.managedProperty().bind(copyJson.visibleProperty());
    changedOnly.disableProperty().bind(empty);
    rawJson.disableProperty().bind(empty);
    expandAll.disableProperty().bind(rawJson.selectedProperty().or(empty));
    collapseAll.disableProperty().bind(rawJson.selectedProperty().or(empty));
  }

  /** Titles the view; {@code tip}, when not null, says more on hover. */
  void title(String text, String tip) {
    title.setText(text);
    title.setTooltip(tip == null ? null : new Tooltip(tip));
  }

  /** Shows the counts of the changes of {@code model}; nothing at all when there is no state. */
  void summarise(StateTreeModel model) {
    int a = model.count(Change.Op.ADDED);
    int c = model.count(Change.Op.CHANGED);
    int r = model.count(Change.Op.REMOVED);
    set(added, "+", a, "added");
    set(changed, "~", c, "changed");
    set(removed, "−", r, "removed");
    boolean nothing = counts && a + c + r == 0 && model.root() != null;
    none.setVisible(nothing);
    none.setManaged(nothing);
    empty.set(model.root() == null);
  }

  private static void set(Label label, String sign, int n, String what) {
    label.setText(sign + n);
    // the label's own tooltip, its text changed: a new tooltip per step is a new popup and scene
    if (label.getTooltip() == null) {
      label.setTooltip(new Tooltip());
    }
    label.getTooltip().setText(n + " " + what);
    label.setVisible(n > 0);
    label.setManaged(n > 0);
  }

  private static Label count(String sign, String colour) {
    Label l = new Label(sign);
    l.getStyleClass().addAll(StateStyles.CHANGE_COUNT, colour);
    return l;
  }

  private static <T extends ButtonBase> T icon(T button, Ikon icon, String tip) {
    button.setGraphic(new FontIcon(icon));
    button.setTooltip(new Tooltip(tip));
    button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
    button.setAccessibleText(tip);
    return button;
  }
}
