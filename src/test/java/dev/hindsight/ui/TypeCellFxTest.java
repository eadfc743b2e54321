package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The events table's and the Log's type column: the short name shown, the stored one a hover away.
 */
@ExtendWith(ApplicationExtension.class)
class TypeCellFxTest {

  @Start
  void start(Stage stage) {
    TableView<String> table = new TableView<>();
    table.setId("types");
    TableColumn<String, String> type = new TableColumn<>("Type");
    type.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
    type.setCellFactory(c -> new TypeCell<>(t -> t));
    type.setPrefWidth(120);
    table.getColumns().add(type);
    table.setItems(
        FXCollections.observableArrayList(
            List.of(
                "holdout.domain.events.AccountOpened", "hoteldomain:BookingCreated", "Opened")));
    stage.setScene(new Scene(table, 300, 200));
    stage.show();
  }

  @Test
  void showsTheShortNameWithTheStoredNameInATooltip(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> robot.lookup(".type-cell").queryAll().size() >= 3);
    WaitForAsyncUtils.waitForFxEvents();
    List<TableCell<?, ?>> cells =
        robot.lookup(".type-cell").queryAll().stream()
            .<TableCell<?, ?>>map(n -> (TableCell<?, ?>) n)
            .filter(c -> c.getIndex() >= 0 && c.getIndex() < 3)
            .sorted((a, b) -> Integer.compare(a.getIndex(), b.getIndex()))
            .toList();
    assertThat(cells)
        .extracting(TableCell::getText)
        .containsExactly("AccountOpened", "BookingCreated", "Opened");
    assertThat(cells.get(0).getTooltip().getText())
        .isEqualTo("holdout.domain.events.AccountOpened");
    assertThat(cells.get(1).getTooltip().getText()).isEqualTo("hoteldomain:BookingCreated");
    assertThat(cells.get(2).getTooltip()).as("nothing more to tell").isNull();
  }
}
