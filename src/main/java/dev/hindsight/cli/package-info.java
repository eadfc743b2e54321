/**
 * The command line: a thin face on the core for scripts. Its commands, JSON fields and exit codes
 * are a contract (see the README); it never starts JavaFX.
 */
package dev.hindsight.cli;
