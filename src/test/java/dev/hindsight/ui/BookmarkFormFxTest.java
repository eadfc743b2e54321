package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The bookmark dialog's fields, as a first-time user meets them. */
@ExtendWith(ApplicationExtension.class)
class BookmarkFormFxTest {

  private BookmarkForm form;

  @Start
  void start(Stage stage) {
    javafx.application.Application.setUserAgentStylesheet(
        new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    form = new BookmarkForm("ann");
    // narrow, as a dialog at a large zoom is: the fields give way, not the labels
    stage.setScene(new Scene(form, 260, 220));
    stage.show();
    form.title.requestFocus();
  }

  @Test
  void labelsShowWholeAndTheTitlesPlaceholderShowsWhileItHasTheFocus(FxRobot robot)
      throws Exception {
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, form.title::isFocused);
    WaitForAsyncUtils.waitForFxEvents();
    for (Node n : form.getChildren()) {
      if (n instanceof Label l) {
        assertThat(l.getWidth()).as(l.getText()).isGreaterThanOrEqualTo(l.prefWidth(-1) - 0.5);
      }
    }
    Text prompt =
        form.title.lookupAll("Text").stream()
            .map(n -> (Text) n)
            .filter(t -> form.title.getPromptText().equals(t.getText()))
            .findFirst()
            .orElseThrow();
    assertThat(prompt.isVisible()).isTrue();
    assertThat(((Color) prompt.getFill()).getOpacity()).isGreaterThan(0);
  }

  @Test
  void tabLeavesTheNoteAndEnterStartsANewLine(FxRobot robot) {
    robot.clickOn(form.note).write("Charged").type(KeyCode.ENTER).write("twice");
    robot.type(KeyCode.TAB);
    assertThat(form.author.isFocused()).isTrue();
    assertThat(form.note.getText()).isEqualTo("Charged\ntwice");

    robot.clickOn(form.note).press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
    assertThat(form.title.isFocused()).isTrue();
    assertThat(form.note.getText()).doesNotContain("\t");
  }
}
