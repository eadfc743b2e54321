package dev.hindsight.ui;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * {@link Dialogs} for tests: each question takes the next scripted answer (none left: cancelled),
 * and what was asked and every error shown are recorded.
 */
final class ScriptedDialogs implements Dialogs {

  final Deque<Object> answers = new ArrayDeque<>();
  final List<String> asked = new ArrayList<>();
  final List<String> errors = new ArrayList<>();

  /** Scripts the next answer: a Path, a String, a Note, or null for a cancelled dialog. */
  ScriptedDialogs answer(Object answer) {
    answers.add(answer == null ? Optional.empty() : answer);
    return this;
  }

  @SuppressWarnings("unchecked")
  private <T> Optional<T> next(String question) {
    asked.add(question);
    Object a = answers.poll();
    return a == null || a instanceof Optional<?> ? Optional.empty() : Optional.of((T) a);
  }

  @Override
  public Optional<Path> openFile(String title, Path folder, List<Filter> filters) {
    return next(title);
  }

  @Override
  public Optional<Path> saveFile(String title, String name, List<Filter> filters) {
    return next(title);
  }

  @Override
  public Optional<Path> openFolder(String title) {
    return next(title);
  }

  @Override
  public Optional<String> askText(String title, String header, String label, String initial) {
    return next(title);
  }

  @Override
  public Optional<Note> askNote(String header, String author) {
    return next(header);
  }

  /** The answer is a Consumer of the form that fills it (connect), or null (cancel). */
  @Override
  @SuppressWarnings("unchecked")
  public boolean askConnection(ConnectViewModel form) {
    Optional<Object> fill = next("Connect to PostgreSQL");
    fill.ifPresent(f -> ((java.util.function.Consumer<ConnectViewModel>) f).accept(form));
    return fill.isPresent();
  }

  @Override
  public Optional<String> askPassword(String header) {
    return next(header);
  }

  @Override
  public Optional<String> choose(String title, String header, List<String> choices) {
    return next(header);
  }

  @Override
  public void error(String header, String message) {
    errors.add(header + ": " + message);
  }
}
