package dev.hindsight.ui.state;

import atlantafx.base.theme.Styles;
import dev.hindsight.replay.Change;
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
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The state view's toolbar: what the event changed, and the view's toggles as icon buttons. */
final class StateToolbar extends HBox {

  final ToggleButton changedOnly = icon(new ToggleButton(), Feather.FILTER, "Changed only");
  final ToggleButton rawJson = icon(new ToggleButton(), Feather.CODE, "Raw JSON");
  final Button expandAll = icon(new Button(), Feather.CHEVRONS_DOWN, "Expand all");
  final Button collapseAll = icon(new Button(), Feather.CHEVRONS_UP, "Collapse all");
  final Button copyJson = icon(new Button(), Feather.COPY, "Copy the JSON");

  private final Label title = new Label("State");
  private final Label added = count("+", Styles.SUCCESS);
  private final Label changed = count("~", Styles.WARNING);
  private final Label removed = count("−", Styles.DANGER);
  private final Label none = new Label("no changes");
  // no state: nothing to filter, expand or copy
  private final BooleanProperty empty = new SimpleBooleanProperty(true);

  StateToolbar() {
    super(4);
    getStyleClass().add(StateStyles.TOOLBAR);
    setAlignment(Pos.CENTER_LEFT);
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
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox.setMargin(summary, new Insets(0, 0, 0, 8));
    getChildren()
        .addAll(
            title,
            summary,
            spacer,
            changedOnly,
            rawJson,
            new Separator(Orientation.VERTICAL),
            expandAll,
            collapseAll,
            copyJson);
    copyJson.visibleProperty().bind(rawJson.selectedProperty());
    copyJson.managedProperty().bind(copyJson.visibleProperty());
    changedOnly.disableProperty().bind(empty);
    rawJson.disableProperty().bind(empty);
    expandAll.disableProperty().bind(rawJson.selectedProperty().or(empty));
    collapseAll.disableProperty().bind(rawJson.selectedProperty().or(empty));
  }

  /** Shows the counts of the changes of {@code model}; nothing at all when there is no state. */
  void summarise(StateTreeModel model) {
    int a = model.count(Change.Op.ADDED);
    int c = model.count(Change.Op.CHANGED);
    int r = model.count(Change.Op.REMOVED);
    set(added, "+", a, "added");
    set(changed, "~", c, "changed");
    set(removed, "−", r, "removed");
    boolean nothing = a + c + r == 0 && model.root() != null;
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
