package dev.hindsight.ui;

import dev.hindsight.ui.layout.WrapRow;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * A tab pane's headers as a row of buttons that wraps to a second row when they do not fit, instead
 * of the tab pane's own single row, which hides the headers that do not fit behind a menu. The pane
 * keeps its tabs and its selection; only its header row is hidden (hindsight.css).
 */
final class TabStrip {

  private TabStrip() {}

  /** The headers of {@code tabs}, kept in step with its tabs and its selection both ways. */
  static Pane of(TabPane tabs) {
    ToggleGroup group = new ToggleGroup();
    Pane row = WrapRow.of(2, 2);
    row.getStyleClass().add(UiStyles.TAB_STRIP);
    tabs.getStyleClass().add(UiStyles.STRIP_HEADED);
    Runnable build =
        () ->
            row.getChildren()
                .setAll(tabs.getTabs().stream().map(t -> header(tabs, t, group)).toList());
    tabs.getTabs().addListener((ListChangeListener<Tab>) c -> build.run());
    tabs.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, tab) ->
                group.getToggles().forEach(b -> b.setSelected(b.getUserData() == tab)));
    build.run();
    return row;
  }

  private static ToggleButton header(TabPane tabs, Tab tab, ToggleGroup group) {
    ToggleButton b = new ToggleButton();
    b.textProperty().bind(tab.textProperty());
    b.setUserData(tab);
    b.setToggleGroup(group);
    b.setMinWidth(Region.USE_PREF_SIZE);
    b.setFocusTraversable(false); // as a tab header: the keys stay with the tab's content
    if (tab.getId() != null) {
      b.setId(tab.getId() + "-header");
    }
    if (tab.getTooltip() != null) {
      b.setTooltip(new Tooltip(tab.getTooltip().getText()));
    }
    b.disableProperty().bind(tab.disableProperty());
    b.setSelected(tabs.getSelectionModel().getSelectedItem() == tab);
    // a click on the chosen one keeps it chosen
    b.setOnAction(
        e -> {
          tabs.getSelectionModel().select(tab);
          b.setSelected(true);
        });
    return b;
  }
}
