/** Opening a store by where it is: a SQLite file or a PostgreSQL URL. */
package dev.hindsight.store.open;
