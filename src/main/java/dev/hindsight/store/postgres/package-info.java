/**
 * PostgreSQL event stores, read-only by construction: where a server is, who connects, and a
 * connection that cannot write.
 */
package dev.hindsight.store.postgres;
