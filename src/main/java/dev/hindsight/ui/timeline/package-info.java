/**
 * The timeline bar: a stream of events drawn as one horizontal strip, with a cursor the user drags
 * through the history. It knows nothing of stores or replays; the app feeds it a size, a type per
 * event and markers, and listens to the ordinal.
 */
package dev.hindsight.ui.timeline;
