package dev.hindsight.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.geometry.Point2D;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The bar on Monocle: a click, a drag, the wheel and the keys move the cursor. */
@ExtendWith(ApplicationExtension.class)
class TimelineBarFxTest {

  private static final List<String> NAMES = List.of("Opened", "Deposited", "Withdrawn");

  private final List<Throwable> failures = new CopyOnWriteArrayList<>();
  private TimelineBar bar;

  @Start
  void start(Stage stage) {
    // a drawing failure happens in a pulse, far from the test: collect it to fail the test
    Thread.currentThread().setUncaughtExceptionHandler((t, e) -> failures.add(e));
    bar = new TimelineBar();
    bar.setSize(100);
    int[] types = new int[100];
    for (int i = 0; i < types.length; i++) {
      types[i] = i % 3;
    }
    bar.setTypes(types, NAMES);
    Scene scene = new Scene(new VBox(bar), 560, 80);
    scene.getStylesheets().add(new PrimerLight().getUserAgentStylesheet());
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void noFailuresOnTheFxThread() {
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(failures).isEmpty();
  }

  @Test
  void clickingSetsTheOrdinalUnderThePointer(FxRobot robot) {
    robot.clickOn(at(37));
    assertThat(bar.getOrdinal()).isEqualTo(37);

    robot.clickOn(at(-1));
    assertThat(bar.getOrdinal()).isEqualTo(-1);

    robot.clickOn(bar.localToScreen(bar.getWidth() - 2, bar.getHeight() / 2));
    assertThat(bar.getOrdinal()).isEqualTo(99);
    assertThat(bar.isFocused()).isTrue();
  }

  @Test
  void draggingMovesTheOrdinalAndClampsPastTheEnds(FxRobot robot) {
    robot.drag(at(10)).moveTo(at(60));
    assertThat(bar.getOrdinal()).isEqualTo(60);

    robot.moveTo(bar.localToScreen(-40, bar.getHeight() / 2));
    assertThat(bar.getOrdinal()).isEqualTo(-1);

    robot
        .moveTo(bar.localToScreen(bar.getWidth() + 40, bar.getHeight() / 2))
        .release(MouseButton.PRIMARY);
    assertThat(bar.getOrdinal()).isEqualTo(99);
  }

  @Test
  void keysStepWhenFocused(FxRobot robot) {
    robot.clickOn(at(50));

    robot.type(KeyCode.RIGHT);
    assertThat(bar.getOrdinal()).isEqualTo(51);
    robot.type(KeyCode.LEFT, 2);
    assertThat(bar.getOrdinal()).isEqualTo(49);
    robot.type(KeyCode.PAGE_DOWN);
    assertThat(bar.getOrdinal()).isEqualTo(59);
    robot.type(KeyCode.PAGE_UP, 2);
    assertThat(bar.getOrdinal()).isEqualTo(39);
    robot.type(KeyCode.END);
    assertThat(bar.getOrdinal()).isEqualTo(99);
    robot.type(KeyCode.RIGHT);
    assertThat(bar.getOrdinal()).isEqualTo(99);
    robot.type(KeyCode.HOME);
    assertThat(bar.getOrdinal()).isZero();
    robot.press(KeyCode.CONTROL, KeyCode.HOME).release(KeyCode.HOME, KeyCode.CONTROL);
    assertThat(bar.getOrdinal()).isEqualTo(-1);
    robot.type(KeyCode.LEFT);
    assertThat(bar.getOrdinal()).isEqualTo(-1);
    robot.type(KeyCode.PAGE_DOWN);
    assertThat(bar.getOrdinal()).isEqualTo(9);
  }

  @Test
  void theWheelStepsByOne(FxRobot robot) {
    robot.interact(() -> bar.setOrdinal(20));

    // events, not robot.scroll: Monocle's robot wheel runs opposite to a real wheel on GTK
    robot.interact(() -> wheel(0, -40)); // down: forward in time
    robot.interact(() -> wheel(0, -40));
    assertThat(bar.getOrdinal()).isEqualTo(22);
    robot.interact(() -> wheel(0, 40));
    assertThat(bar.getOrdinal()).isEqualTo(21);
    robot.interact(() -> wheel(-30, 5)); // a trackpad swipe to the right
    assertThat(bar.getOrdinal()).isEqualTo(22);
  }

  @Test
  void markerChangesRedrawOncePerPulse(FxRobot robot) {
    int before = skin().redraws();
    robot.interact(
        () -> {
          for (Marker.Kind kind : Marker.Kind.values()) {
            bar.getMarkers().add(new Marker(kind.ordinal() * 20, kind));
          }
          bar.getMarkers().add(new Marker(-1, Marker.Kind.COMPARE_A));
          bar.getMarkers().add(new Marker(-7, Marker.Kind.ERROR)); // out of range: skipped
          bar.getMarkers().add(new Marker(1_000, Marker.Kind.SEARCH_HIT));
        });
    WaitForAsyncUtils.waitForFxEvents();
    int afterAdd = skin().redraws();
    assertThat(afterAdd).isGreaterThan(before).isLessThanOrEqualTo(before + 2);

    List<Marker> many = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      many.add(new Marker(i % 100, Marker.Kind.values()[i % 5]));
    }
    robot.interact(() -> bar.getMarkers().setAll(many));
    robot.interact(() -> bar.setHideFuture(true));
    robot.interact(() -> bar.getMarkers().remove(0, 5_000));
    robot.interact(() -> bar.getMarkers().clear());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(skin().redraws()).isGreaterThan(afterAdd);
  }

  @Test
  void manyEventsDrawADensityStripAndStillMapClicks(FxRobot robot) {
    int size = 200_000;
    int[] types = new int[size];
    for (int i = 0; i < size; i++) {
      types[i] = (i / 1_000) % 3;
    }
    robot.interact(
        () -> {
          bar.setSize(size);
          bar.setTypes(types, NAMES);
        });
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(bar.getPseudoClassStates()).contains(TimelineBar.DENSE);

    // the robot clicks whole pixels, and a pixel holds a few hundred events here
    int perPixel = (int) Math.ceil(size / skin().scale().width());
    robot.clickOn(at(123_456));
    assertThat(bar.getOrdinal()).isBetween(123_456 - perPixel, 123_456 + perPixel);
  }

  @Test
  void hidingTheFutureShowsNothingAfterTheCurrentEvent(FxRobot robot) {
    robot.interact(
        () -> {
          bar.setOrdinal(2);
          bar.setHideFuture(true);
        });
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(bar.getPseudoClassStates()).contains(TimelineBar.HIDE_FUTURE);
    // the three events shown fill the track: no room after the cursor tells of a fourth
    assertThat(skin().scale().size()).isEqualTo(3);
    robot.clickOn(bar.localToScreen(bar.getWidth() - 2, bar.getHeight() / 2));
    assertThat(bar.getOrdinal()).isEqualTo(2);
    assertThat((String) bar.queryAccessibleAttribute(AccessibleAttribute.TEXT))
        .contains("Event 2, Withdrawn")
        .doesNotContain("100");

    robot.type(KeyCode.RIGHT);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(skin().scale().size()).isEqualTo(4);

    robot.interact(() -> bar.setHideFuture(false));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(skin().scale().size()).isEqualTo(100);
  }

  @Test
  void tellsTheTypeInTheTooltipAndToAssistiveTechnology(FxRobot robot) {
    robot.interact(() -> bar.setOrdinal(37));

    assertThat(bar.tooltipTextProperty().get().apply(37)).isEqualTo("#37 · Deposited");
    assertThat(bar.tooltipTextProperty().get().apply(-1)).startsWith("Initial state");
    assertThat(bar.getAccessibleRole()).isEqualTo(AccessibleRole.SLIDER);
    assertThat(bar.queryAccessibleAttribute(AccessibleAttribute.VALUE)).isEqualTo(37.0);
    assertThat(bar.queryAccessibleAttribute(AccessibleAttribute.MAX_VALUE)).isEqualTo(99.0);
    assertThat((String) bar.queryAccessibleAttribute(AccessibleAttribute.TEXT))
        .contains("Event 37 of 100, Deposited");

    robot.interact(() -> bar.setHideFuture(true));
    assertThat(bar.tooltipTextProperty().get().apply(50)).isEqualTo("#50");
  }

  private void wheel(double deltaX, double deltaY) {
    double x = skin().xOf(20);
    Point2D screen = bar.localToScreen(x, 10);
    bar.fireEvent(
        new ScrollEvent(
            ScrollEvent.SCROLL,
            x,
            10,
            screen.getX(),
            screen.getY(),
            false,
            false,
            false,
            false,
            false,
            false,
            deltaX,
            deltaY,
            deltaX,
            deltaY,
            ScrollEvent.HorizontalTextScrollUnits.NONE,
            0,
            ScrollEvent.VerticalTextScrollUnits.NONE,
            0,
            0,
            null));
  }

  private TimelineBarSkin skin() {
    return (TimelineBarSkin) bar.getSkin();
  }

  /** The screen point of the cursor for {@code ordinal}, halfway down the bar. */
  private Point2D at(int ordinal) {
    return bar.localToScreen(skin().xOf(ordinal), bar.getHeight() / 2);
  }
}
