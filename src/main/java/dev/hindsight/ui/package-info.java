/**
 * The desktop window (JavaFX, MVVM): views build nodes and bind; view models hold the state and the
 * logic, run store work through a {@link dev.hindsight.ui.TaskRunner} and are tested without a
 * toolkit.
 */
package dev.hindsight.ui;
