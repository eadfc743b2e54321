/**
 * The demo store's story: four weeks of a small coffee roaster's shop, written deterministically
 * into the simple layout, with problems planted for a class to find. Core: no JavaFX.
 */
package dev.hindsight.demo;
