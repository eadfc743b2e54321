package dev.hindsight.ui;

import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The window's keys that no menu item carries: stepping (arrows, Home, End, Page Up and Down),
 * Space to play, every keyboard's way of zooming, and a presenter's clicker during a tour.
 */
final class WindowKeys {

  private final WindowViewModel model;
  private final Presentation presentation;

  WindowKeys(WindowViewModel model, Presentation presentation) {
    this.model = model;
    this.presentation = presentation;
  }

  void onKey(KeyEvent e) {
    if (e.isShortcutDown() && zoomKey(e.getCode())) {
      e.consume();
      return;
    }
    // a presenter's clicker sends Page Up and Page Down: they go through a tour even while a text
    // field (say, Find's condition) has the focus
    TourViewModel tour = model.tour();
    if (tour.active() && (e.getCode() == KeyCode.PAGE_DOWN || e.getCode() == KeyCode.PAGE_UP)) {
      if (e.getCode() == KeyCode.PAGE_DOWN) {
        tour.next();
      } else {
        tour.previous();
      }
      e.consume();
      return;
    }
    StreamViewModel vm = model.stream();
    // the comparison with other reducers steps its own two states with the arrows
    boolean comparing = model.views().viewProperty().get() == StoreViews.View.REDUCERS;
    if (vm == null || comparing || e.getTarget() instanceof TextInputControl) {
      return;
    }
    // in the state tree, arrows and Home/End move through the tree
    boolean inTree = e.getTarget() instanceof TreeView<?>;
    switch (e.getCode()) {
      case LEFT, RIGHT, HOME, END -> {
        if (!inTree) {
          move(vm, e.getCode());
          e.consume();
        }
      }
      case PAGE_UP, PAGE_DOWN -> {
        vm.step(e.getCode() == KeyCode.PAGE_UP ? -10 : 10);
        e.consume();
      }
      case SPACE -> {
        vm.playingProperty().set(!vm.playingProperty().get());
        e.consume();
      }
      default -> {}
    }
  }

  private static void move(StreamViewModel vm, KeyCode code) {
    switch (code) {
      case LEFT -> vm.step(-1);
      case RIGHT -> vm.step(1);
      case HOME -> vm.first();
      default -> vm.last();
    }
  }

  /**
   * Ctrl with + (however the keyboard makes it: =, +, the keypad's +), -, or 0: zoom in, out, back
   * to 100 %. The menu items show one combination each; these are all of them.
   */
  private boolean zoomKey(KeyCode code) {
    switch (code) {
      case EQUALS, PLUS, ADD -> presentation.zoomIn();
      case MINUS, SUBTRACT -> presentation.zoomOut();
      case DIGIT0, NUMPAD0 -> presentation.actualSize();
      default -> {
        return false;
      }
    }
    return true;
  }
}
