package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A stream no longer shown is not kept by the window (it used to be, by listeners on the
 * window-lifetime bookmark and findings lists): open four streams in the real window, and the first
 * one's view model and replay are collected.
 */
@ExtendWith(ApplicationExtension.class)
class StreamSwitchGcFxTest {

  private ExplorerViewModel model;

  @Start
  void start(Stage stage) throws Exception {
    MainWindow window = TestWindows.window();
    model = window.model().explorer();
    stage.setScene(new Scene(window, 1200, 740));
    stage.show();
    model.streams().open(DemoStore.copy());
  }

  private static <T> T fx(Callable<T> c) throws Exception {
    return WaitForAsyncUtils.asyncFx(c).get();
  }

  private void until(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
  }

  private void openAndWait(String id) throws Exception {
    assertThat(fx(() -> model.openStream(id, Long.MAX_VALUE))).isTrue();
    until(
        () ->
            model.streamProperty().get().stream().stream().equals(id)
                && model.streamProperty().get().pointProperty().get() != null);
  }

  @Test
  void theFirstStreamIsCollectedAfterSwitchingToOthers() throws Exception {
    until(() -> model.streams().allStreams().size() == 50);
    openAndWait("order-1008");
    WeakReference<StreamViewModel> first = new WeakReference<>(fx(model.streamProperty()::get));
    WeakReference<Object> replay =
        new WeakReference<>(fx(() -> model.streamProperty().get().replayProperty().get()));
    // what marked the first stream: a bookmark and findings, on window-lifetime lists
    fx(
        () -> {
          StreamViewModel s = model.streamProperty().get();
          s.analysis().markA();
          model.audit().bookmark(s.stream(), 2, "gc", "", "test");
          return null;
        });
    openAndWait("payment-5006");
    openAndWait("cart-301");
    openAndWait("inventory-hand-grinder");
    fx(
        () -> {
          model.audit().verify();
          return null;
        });
    until(() -> !model.audit().verifyingProperty().get());
    fx(
        () -> {
          model.audit().remove(model.audit().bookmarks().get(0));
          return null;
        });
    WaitForAsyncUtils.waitForFxEvents();

    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () -> {
          System.gc();
          return first.get() == null && replay.get() == null;
        });
    assertThat(first.get()).isNull();
  }
}
