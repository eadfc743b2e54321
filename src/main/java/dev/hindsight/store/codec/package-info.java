/**
 * Decoding what stores keep in their columns: JSON in TEXT or BLOBs, zlib, CBOR, XML, ciphertext,
 * and the many ways of writing a time. Bad values become a readable fallback and a problem, never
 * an exception.
 */
package dev.hindsight.store.codec;
