/**
 * JavaScript reducers, run by Mozilla Rhino in a sandbox: no Java classes, files, network or
 * processes, a time limit per handler call, a bounded stack. Rhino silently miscomputes two valid
 * constructs ({@code const} in loop bodies, closures over {@code for (let …)} variables), so
 * reducer files that use them are refused with the line, before anything runs.
 */
package dev.hindsight.replay.js;
