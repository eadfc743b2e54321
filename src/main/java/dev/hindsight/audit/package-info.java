/**
 * Auditing a store: {@link dev.hindsight.audit.Verifier} checks a whole store for gaps, duplicates,
 * disorder, time running backwards, unreadable payloads and reducer failures, and reports each as a
 * {@link dev.hindsight.audit.Finding}. Plain Java: no JavaFX.
 */
package dev.hindsight.audit;
