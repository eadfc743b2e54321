package dev.hindsight.ui;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The window's menu bar: each item calls a {@link WindowCommands} command or binds a property. */
final class WindowMenus {

  private WindowMenus() {}

  static MenuBar build(WindowViewModel model, Settings settings, MainWindow window, Runnable quit) {
    return new MenuBar(file(model, quit), go(model, window), view(model, settings), tour(model));
  }

  private static MenuItem item(String text, String keys, Runnable action) {
    MenuItem item = new MenuItem(text);
    if (keys != null) {
      item.setAccelerator(KeyCombination.keyCombination(keys));
    }
    item.setOnAction(e -> action.run());
    return item;
  }

  private static MenuItem item(String text, Feather icon, String keys, Runnable action) {
    MenuItem item = item(text, keys, action);
    item.setGraphic(new FontIcon(icon));
    return item;
  }

  private static Menu file(WindowViewModel model, Runnable quit) {
    WindowCommands c = model.commands();
    ExplorerViewModel explorer = model.explorer();
    Menu recent = new Menu("Open _Recent");
    Runnable fill =
        () -> {
          recent.getItems().clear();
          for (StoreTarget t : c.recentStores()) {
            MenuItem item = item(t.label(), null, () -> c.openRecent(t));
            item.setMnemonicParsing(false);
            recent.getItems().add(item);
          }
          recent.setDisable(recent.getItems().isEmpty());
        };
    fill.run();
    c.recentStores().addListener((ListChangeListener<StoreTarget>) ch -> fill.run());
    MenuItem export = item("_Export Report…", Feather.FILE_TEXT, "Shortcut+E", c::exportReport);
    export.disableProperty().bind(explorer.streamProperty().isNull());
    return new Menu(
        "_File",
        null,
        item("_Open…", Feather.FOLDER, "Shortcut+O", c::openStore),
        item("Open with _Mapping…", null, c::openStoreWithMapping),
        item("Open in New _Window…", "Shortcut+Shift+O", c::openInNewWindow),
        item("Connect to _PostgreSQL…", Feather.DATABASE, "Shortcut+Shift+P", c::connect),
        recent,
        item("Open _Demo Store", null, () -> c.openDemo(false)),
        new SeparatorMenuItem(),
        item("Open _Reducers…", Feather.CODE, "Shortcut+R", () -> c.chooseReducers(false)),
        item("Open Reducer _Folder…", null, () -> c.chooseReducers(true)),
        item("Re_load Reducers", "F5", c::reloadReducers),
        item("Use the _Generic Reducer", null, explorer::clearReducers),
        item("_Compare with Other Reducers…", null, c::compareReducers),
        new SeparatorMenuItem(),
        export,
        new SeparatorMenuItem(),
        item("_Quit", "Shortcut+Q", quit));
  }

  private static Menu go(WindowViewModel model, MainWindow window) {
    WindowCommands c = model.commands();
    MenuItem bookmark = item("_Bookmark This Event…", "Shortcut+D", c.bookmarks()::bookmarkHere);
    bookmark.disableProperty().bind(model.explorer().streamProperty().isNull());
    MenuItem verify = item("_Verify Store", null, window::verify);
    verify.disableProperty().bind(model.explorer().streams().sourceProperty().isNull());
    MenuItem against = item("Verify _Against Seal…", null, window::verifyAgainstSeal);
    against.disableProperty().bind(model.explorer().streams().sourceProperty().isNull());
    return new Menu(
        "_Go",
        null,
        item("_Go to…", "Shortcut+G", c::goTo),
        item("_Find When…", "Shortcut+F", window::focusFind),
        item("Find in All _Streams…", Feather.SEARCH, "Shortcut+Shift+F", window::showFindAll),
        item("Flow of This _Event", "Shortcut+J", window::showFlow),
        item("Set Compare Point _A", "Shortcut+1", () -> c.mark(true)),
        item("Set Compare Point _B", "Shortcut+2", () -> c.mark(false)),
        new SeparatorMenuItem(),
        bookmark,
        verify,
        against);
  }

  private static CheckMenuItem check(String text, String keys) {
    CheckMenuItem item = new CheckMenuItem(text);
    if (keys != null) {
      item.setAccelerator(KeyCombination.keyCombination(keys));
    }
    return item;
  }

  private static Menu view(WindowViewModel model, Settings settings) {
    Presentation presentation = model.presentation();
    ToggleGroup themes = new ToggleGroup();
    Menu theme = new Menu("_Theme");
    for (Settings.Theme t : Settings.Theme.values()) {
      RadioMenuItem item =
          new RadioMenuItem(
              switch (t) {
                case SYSTEM -> "Follow the System";
                case LIGHT -> "Light";
                case DARK -> "Dark";
              });
      item.setToggleGroup(themes);
      item.setSelected(settings.theme() == t);
      item.setOnAction(e -> settings.setTheme(t));
      theme.getItems().add(item);
    }
    CheckMenuItem onlyFindings = check("Only Events with _Findings", "Shortcut+Shift+E");
    onlyFindings.selectedProperty().bindBidirectional(model.onlyFindingsProperty());
    CheckMenuItem contrast = check("_High Contrast", null);
    contrast.selectedProperty().bindBidirectional(presentation.highContrastProperty());
    CheckMenuItem future = check("Hide the F_uture", "Shortcut+Shift+H");
    future.selectedProperty().bindBidirectional(presentation.hideFutureProperty());
    CheckMenuItem follow = check("_Follow Live Changes", "Shortcut+L");
    follow.selectedProperty().bindBidirectional(model.explorer().followProperty());
    CheckMenuItem stick = check("_Stick to Latest", null);
    stick.selectedProperty().bindBidirectional(model.explorer().stickToLatestProperty());
    stick.disableProperty().bind(model.explorer().followProperty().not());
    CheckMenuItem log = check("The _Log: Every Event of the Store", "Shortcut+Shift+L");
    log.selectedProperty().bindBidirectional(model.views().log().shownProperty());
    MenuItem asOf =
        item(
            "The Store _As Of a Time",
            "Shortcut+Shift+A",
            () -> model.views().viewProperty().set(StoreViews.View.AS_OF));
    CheckMenuItem present = check("_Presentation Mode", "F11");
    present.selectedProperty().bindBidirectional(presentation.presentingProperty());
    return new Menu(
        "_View",
        null,
        theme,
        log,
        asOf,
        onlyFindings,
        item("_Masking…", Feather.EYE_OFF, null, model.commands()::editMasking),
        new SeparatorMenuItem(),
        item("Zoom _In", "Shortcut+Plus", presentation::zoomIn),
        item("Zoom _Out", "Shortcut+Minus", presentation::zoomOut),
        item("_Actual Size", "Shortcut+0", presentation::actualSize),
        contrast,
        future,
        new SeparatorMenuItem(),
        follow,
        stick,
        new SeparatorMenuItem(),
        present);
  }

  private static Menu tour(WindowViewModel model) {
    WindowCommands c = model.commands();
    TourViewModel tour = model.tour();
    MenuItem next = item("_Next Step (Page Down)", null, tour::next);
    MenuItem previous = item("_Previous Step (Page Up)", null, tour::previous);
    MenuItem close = item("_Close Tour", null, tour::close);
    for (MenuItem m : new MenuItem[] {next, previous, close}) {
      m.disableProperty().bind(tour.tourProperty().isNull());
    }
    MenuItem save = item("_Save Bookmarks as Tour…", null, c.bookmarks()::saveBookmarksAsTour);
    save.disableProperty().bind(Bindings.isEmpty(model.explorer().audit().bookmarks()));
    return new Menu(
        "_Tour",
        null,
        item("Start the _Demo Tour", null, c::startDemoTour),
        item("_Open Tour…", Feather.MAP, "Shortcut+T", c::openTour),
        new SeparatorMenuItem(),
        next,
        previous,
        close,
        new SeparatorMenuItem(),
        save);
  }
}
