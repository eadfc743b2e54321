/**
 * Layouts (mapping files): where a store keeps its events, loaded from JSON, validated against the
 * store's schema, and detected automatically from the schema and a peek at the data.
 */
package dev.hindsight.store.layout;
