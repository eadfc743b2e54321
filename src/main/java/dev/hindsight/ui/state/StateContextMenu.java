package dev.hindsight.ui.state;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The menu of a state row: copy its value or its pointer, or ask for the history of the value. */
final class StateContextMenu extends ContextMenu {

  StateContextMenu(Supplier<StateRow> selected, Supplier<Consumer<String>> history) {
    MenuItem copyValue = new MenuItem("Copy value", new FontIcon(Feather.COPY));
    copyValue.getStyleClass().add(StateStyles.COPY_VALUE);
    copyValue.setOnAction(e -> StateView.copy(selected.get().copyText()));
    MenuItem copyPath = new MenuItem("Copy path", new FontIcon(Feather.LINK));
    copyPath.getStyleClass().add(StateStyles.COPY_PATH);
    copyPath.setOnAction(e -> StateView.copy(selected.get().path()));
    MenuItem historyItem = new MenuItem("History of this value", new FontIcon(Feather.CLOCK));
    historyItem.getStyleClass().add(StateStyles.HISTORY);
    historyItem.setOnAction(e -> history.get().accept(selected.get().path()));
    getItems().addAll(copyValue, copyPath, new SeparatorMenuItem(), historyItem);
    // the row is whichever is selected when the menu opens (a right click selects it first)
    setOnShowing(
        e -> {
          boolean none = selected.get() == null;
          copyValue.setDisable(none);
          copyPath.setDisable(none);
          historyItem.setDisable(none || history.get() == null);
        });
  }
}
