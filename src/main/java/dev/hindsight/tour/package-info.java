/**
 * Guided tours: a JSON file of steps (stream, version, caption, an optional state path), read,
 * checked and written here; the window plays them. Core: no JavaFX.
 */
package dev.hindsight.tour;
