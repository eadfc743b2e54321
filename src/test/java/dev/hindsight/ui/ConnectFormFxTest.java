package dev.hindsight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Connect to PostgreSQL dialog's fields, as a user fills them: the database is asked for first,
 * the URL under the fields follows what is typed (never the password), and the password field hides
 * what is typed and leaves the form once taken.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectFormFxTest {

  private ConnectViewModel model;
  private ConnectForm form;

  @Start
  void start(Stage stage) {
    javafx.application.Application.setUserAgentStylesheet(
        new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    model = new ConnectViewModel("ada");
    form = new ConnectForm(model);
    stage.setScene(new Scene(form, 560, 360));
    stage.show();
    form.focusFirstEmpty();
  }

  private String shownUrl(FxRobot robot) {
    return robot.lookup("#connect-url").queryAs(Label.class).getText();
  }

  @Test
  void theUrlFollowsTheFieldsAndThePasswordIsHiddenAndNeverInIt(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, form.database::isFocused);
    assertThat(shownUrl(robot)).isEqualTo("Give the database's name.");

    robot.write("shop");
    robot.clickOn(form.port).eraseText(4).write("55432");
    robot.clickOn(form.schema).write("billing");
    robot.clickOn(form.password).write("s3cret");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(shownUrl(robot)).isEqualTo("postgresql://ada@localhost:55432/shop?schema=billing");
    assertThat(form.password).isInstanceOf(PasswordField.class);
    for (Node n : form.lookupAll(".text")) {
      if (n instanceof javafx.scene.text.Text t) {
        assertThat(t.getText()).as("nothing on screen shows the password").doesNotContain("s3cret");
      }
    }
    StoreTarget[] taken = new StoreTarget[1];
    robot.interact(() -> taken[0] = model.target());
    assertThat(taken[0].url()).isEqualTo("postgresql://ada@localhost:55432/shop?schema=billing");
    assertThat(taken[0].password().reveal()).isEqualTo("s3cret");
    assertThat(form.password.getText()).isEmpty();
  }
}
