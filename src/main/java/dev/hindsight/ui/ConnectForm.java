package dev.hindsight.ui;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * The Connect to PostgreSQL dialog's fields, bound to a {@link ConnectViewModel}: host, port,
 * database, user, schema (blank: every schema) and password (for this connection only), with the
 * URL they make, or what is missing, under them.
 */
final class ConnectForm extends GridPane {

  final TextField host = new TextField();
  final TextField port = new TextField();
  final TextField database = new TextField();
  final TextField user = new TextField();
  final TextField schema = new TextField();
  final PasswordField password = new PasswordField();
  private final Label url = new Label();

  ConnectForm(ConnectViewModel form) {
    setHgap(10);
    setVgap(8);
    setPadding(new Insets(4, 0, 0, 0));
    ColumnConstraints labels = new ColumnConstraints();
    ColumnConstraints fields = new ColumnConstraints();
    fields.setHgrow(Priority.ALWAYS);
    fields.setMinWidth(320);
    getColumnConstraints().addAll(labels, fields);
    host.setId("connect-host");
    port.setId("connect-port");
    database.setId("connect-database");
    user.setId("connect-user");
    schema.setId("connect-schema");
    password.setId("connect-password");
    url.setId("connect-url");
    host.textProperty().bindBidirectional(form.hostProperty());
    port.textProperty().bindBidirectional(form.portProperty());
    database.textProperty().bindBidirectional(form.databaseProperty());
    user.textProperty().bindBidirectional(form.userProperty());
    schema.textProperty().bindBidirectional(form.schemaProperty());
    password.textProperty().bindBidirectional(form.passwordProperty());
    port.setPrefColumnCount(6);
    schema.setPromptText("every schema you may read");
    password.setPromptText("PGPASSWORD or ~/.pgpass when empty");
    row(0, "Host:", host);
    row(1, "Port:", port);
    row(2, "Database:", database);
    row(3, "User:", user);
    row(4, "Schema:", schema);
    row(5, "Password:", password);
    Label note = new Label("The password is used for this connection only and never saved.");
    note.getStyleClass().add(Styles.TEXT_MUTED);
    add(note, 1, 6);
    url.getStyleClass().add(Styles.TEXT_MUTED);
    url.setWrapText(true);
    url.setMaxWidth(460);
    url.textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () ->
                    form.problemProperty().get() != null
                        ? form.problemProperty().get()
                        : form.urlProperty().get(),
                form.problemProperty(),
                form.urlProperty()));
    add(url, 0, 7, 2, 1);
  }

  private void row(int i, String text, TextInputControl field) {
    Label label = new Label(text);
    label.setLabelFor(field);
    add(label, 0, i);
    add(field, 1, i);
  }

  /** The first field still empty gets the focus (the database, usually), else the password. */
  void focusFirstEmpty() {
    for (TextInputControl f : new TextInputControl[] {host, port, database, user}) {
      if (f.getText() == null || f.getText().isBlank()) {
        f.requestFocus();
        return;
      }
    }
    password.requestFocus();
  }
}
