/**
 * The replay engine: {@code state = fold(events)} at any point of a stream. Reducers fold events
 * into state; {@link dev.hindsight.replay.StreamReplay} keeps checkpoints so any point is cheap to
 * reach; {@link dev.hindsight.replay.JsonDiff} says what changed between two states and {@link
 * dev.hindsight.replay.Blame} which events changed a value. States are plain JSON trees, treated as
 * immutable once a fold hands them out. JavaScript reducers are in {@code replay.js}.
 */
package dev.hindsight.replay;
