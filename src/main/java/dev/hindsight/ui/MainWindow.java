package dev.hindsight.ui;

import dev.hindsight.event.EventJson;
import dev.hindsight.event.StreamSummary;
import java.io.File;
import java.nio.file.Path;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The window until the explorer lands: a menu, the open store's name, and its streams in a
 * filterable table. It only builds nodes and binds them to the {@link StreamListViewModel}.
 */
public final class MainWindow extends BorderPane {

  /** Style class of right-aligned number columns (hindsight.css). */
  static final String NUMERIC = "numeric";

  private final StreamListViewModel model;
  private final RecentFiles recent;
  private final Menu recentMenu = new Menu("Open _Recent");

  public MainWindow(StreamListViewModel model, RecentFiles recent, Runnable quit) {
    this.model = model;
    this.recent = recent;
    getStyleClass().add("hindsight-main");
    getStylesheets().add(MainWindow.class.getResource("hindsight.css").toExternalForm());
    setTop(new VBox(menu(quit), header()));
    setCenter(table());
    setBottom(statusBar());
    model
        .errorProperty()
        .addListener(
            (obs, old, message) -> {
              if (message != null) {
                showError(message);
              }
            });
    model
        .fileProperty()
        .addListener(
            (obs, old, file) -> {
              if (file != null) {
                recent.add(file);
                refreshRecent();
              }
            });
    setOnDragOver(
        e -> {
          if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
          }
          e.consume();
        });
    setOnDragDropped(
        e -> {
          var files = e.getDragboard().getFiles();
          if (!files.isEmpty()) {
            model.open(files.get(0).toPath());
          }
          e.setDropCompleted(!files.isEmpty());
          e.consume();
        });
  }

  private MenuBar menu(Runnable quit) {
    MenuItem open = new MenuItem("_Open…", new FontIcon(Feather.FOLDER));
    open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
    open.setOnAction(e -> chooseFile());
    MenuItem exit = new MenuItem("_Quit");
    exit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
    exit.setOnAction(e -> quit.run());
    refreshRecent();
    Menu file = new Menu("_File", null, open, recentMenu, new SeparatorMenuItem(), exit);
    return new MenuBar(file);
  }

  private void refreshRecent() {
    recentMenu.getItems().clear();
    for (Path p : recent.list()) {
      MenuItem item = new MenuItem(p.toString());
      item.setMnemonicParsing(false);
      item.setOnAction(e -> model.open(p));
      recentMenu.getItems().add(item);
    }
    recentMenu.setDisable(recentMenu.getItems().isEmpty());
  }

  private void chooseFile() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Open an event store");
    chooser
        .getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter(
                "SQLite event stores", "*.db", "*.sqlite", "*.sqlite3", "*.db3"),
            new FileChooser.ExtensionFilter("All files", "*"));
    Path current = model.fileProperty().get();
    if (current != null && current.getParent() != null) {
      chooser.setInitialDirectory(current.getParent().toFile());
    }
    File chosen = chooser.showOpenDialog(window());
    if (chosen != null) {
      model.open(chosen.toPath());
    }
  }

  private HBox header() {
    Label title = new Label();
    title.getStyleClass().add("title-3");
    title
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    model.fileProperty().get() == null
                        ? "Hindsight"
                        : model.fileProperty().get().getFileName().toString(),
                model.fileProperty()));
    Label layout = new Label();
    layout.getStyleClass().add("text-muted");
    layout.textProperty().bind(Bindings.concat("layout: ", model.layoutNameProperty()));
    layout.visibleProperty().bind(model.layoutNameProperty().isNotEmpty());
    TextField filter = new TextField();
    filter.setId("stream-filter");
    filter.setPromptText("Filter streams: text, glob (order-*) or a type");
    filter.textProperty().bindBidirectional(model.filterProperty());
    filter.setPrefColumnCount(28);
    HBox spacer = new HBox();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox box = new HBox(12, new FontIcon(Feather.CLOCK), title, layout, spacer, filter);
    box.setAlignment(Pos.CENTER_LEFT);
    box.setPadding(new Insets(10, 12, 10, 12));
    return box;
  }

  private TableView<StreamSummary> table() {
    TableView<StreamSummary> table = new TableView<>(model.visibleStreams());
    table.setId("streams");
    javafx.application.Platform.runLater(table::requestFocus);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(
        new Label("No streams. Open a store with File › Open… or drop a file here."));
    table.getColumns().add(column("Stream", StreamSummary::stream, 420));
    table.getColumns().add(column("Type", StreamSummary::type, 110));
    TableColumn<StreamSummary, Long> events = column("Events", StreamSummary::events, 80);
    events.getStyleClass().add(NUMERIC);
    table.getColumns().add(events);
    TableColumn<StreamSummary, String> versions =
        column("Versions", s -> s.firstVersion() + " – " + s.lastVersion(), 100);
    versions.getStyleClass().add(NUMERIC);
    table.getColumns().add(versions);
    table.getColumns().add(column("First event", s -> EventJson.iso(s.firstTimestamp()), 200));
    table.getColumns().add(column("Last event", s -> EventJson.iso(s.lastTimestamp()), 200));
    return table;
  }

  private static <T> TableColumn<StreamSummary, T> column(
      String title, Function<StreamSummary, T> value, double width) {
    TableColumn<StreamSummary, T> c = new TableColumn<>(title);
    c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    c.setPrefWidth(width);
    return c;
  }

  private HBox statusBar() {
    Label status = new Label();
    status.setId("status");
    status.textProperty().bind(model.statusProperty());
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(16, 16);
    spinner.visibleProperty().bind(model.busyProperty());
    HBox bar = new HBox(8, spinner, status);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(4, 12, 4, 12));
    bar.getStyleClass().add("status-bar");
    return bar;
  }

  private void showError(String message) {
    Alert alert = new Alert(Alert.AlertType.ERROR);
    alert.initOwner(window());
    alert.setTitle("Hindsight");
    alert.setHeaderText("The store could not be opened");
    Label text = new Label(message);
    text.setWrapText(true);
    text.setPrefWidth(520);
    // a fixed width: a long message must wrap, not widen (and push off screen) the dialog
    alert.getDialogPane().setContent(text);
    alert.getDialogPane().setPrefWidth(580);
    alert.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    alert.setResizable(true);
    alert.show();
  }

  private Window window() {
    return getScene() == null ? null : getScene().getWindow();
  }
}
