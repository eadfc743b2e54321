package dev.hindsight.ui;

/** Placeholder replaced below. */
public final class HindsightApp {
  public static void start(String[] args) {}
}
