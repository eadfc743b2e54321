/**
 * The state view: an aggregate's state as an expandable tree with what the current event changed
 * highlighted, or as raw JSON. {@link dev.hindsight.ui.state.StateTreeModel} turns a state and its
 * changes into rows without the toolkit, so everything the view shows can be tested in plain JUnit;
 * {@link dev.hindsight.ui.state.StateView} only builds nodes from those rows. The package knows
 * nothing of the window around it, so the app can place it anywhere.
 */
package dev.hindsight.ui.state;
