package dev.hindsight.ui;

import dev.hindsight.event.TypeNames;
import java.util.function.Function;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/**
 * A table cell for an event type: the short name (what a reducer looks handlers up by), since a
 * column cut from the right would cut the part that tells events apart, and the stored name in a
 * tooltip when it is longer.
 *
 * @param <S> the table's items
 * @param <T> the cell's value, from which {@code type} takes the stored type
 */
final class TypeCell<S, T> extends TableCell<S, T> {

  private final Function<T, String> type;
  private final Tooltip tip = new Tooltip();

  TypeCell(Function<T, String> type) {
    this.type = type;
    getStyleClass().add(UiStyles.TYPE_CELL);
  }

  @Override
  protected void updateItem(T value, boolean empty) {
    super.updateItem(value, empty);
    String stored = empty || value == null ? null : type.apply(value);
    if (stored == null) {
      setText(empty ? null : "…");
      setTooltip(null);
      return;
    }
    String shown = TypeNames.shortName(stored);
    setText(shown);
    if (shown.equals(stored)) {
      setTooltip(null);
    } else {
      tip.setText(stored);
      setTooltip(tip);
    }
  }
}
