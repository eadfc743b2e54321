package dev.hindsight.ui;

import javafx.animation.AnimationTimer;

/**
 * Playback's frames: an animation timer that runs only while the open stream plays and hands each
 * frame's time to {@link WindowViewModel#tick}, which decides when to step.
 */
final class PlaybackTimer extends AnimationTimer {

  private final WindowViewModel model;

  PlaybackTimer(WindowViewModel model) {
    this.model = model;
    model
        .playingProperty()
        .addListener(
            (obs, was, on) -> {
              if (on) {
                start();
              } else {
                stop();
              }
            });
    if (model.playingProperty().get()) {
      start();
    }
  }

  @Override
  public void handle(long now) {
    model.tick(now);
  }
}
