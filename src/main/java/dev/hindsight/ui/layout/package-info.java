/**
 * Layout helpers that the window's views share (the explorer, the state view): panes that size
 * themselves by what they show, so that nothing is cut or pushed off the window at a large zoom.
 */
package dev.hindsight.ui.layout;
