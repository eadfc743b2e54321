// Generates src/test/resources/domains/emmett-shopping-cart.json:
// @event-driven-io/emmett-sqlite 0.38.5 (with emmett 0.38.5) writes a real SQLite store, and its own
// aggregateStream folds each stream with the evolve of Emmett's getting-started sample
// (src/docs/snippets/gettingStarted/shoppingCart.ts), at every version (read: { to: v }).
// The DDL (sqlite_master) and rows (as SQL literals, quote()) are dumped so the Java test can rebuild the
// identical store; the states are what Emmett computed (its Map of product items as a JSON object).
import { getSQLiteEventStore } from '@event-driven-io/emmett-sqlite';
import sqlite3 from 'sqlite3';
import fs from 'node:fs';

const out = process.argv[2];
const file = '/tmp/gen-emmett.db';
for (const f of [file, file + '-wal', file + '-shm']) fs.rmSync(f, { force: true });

// ---- Emmett's getting-started sample, verbatim in JavaScript (types dropped)
const initialState = () => ({ status: 'Empty' });
const withUpdatedQuantity = (current, productId, quantity) => {
  const productItems = new Map(current);
  const currentQuantity = productItems.get(productId) ?? 0;
  productItems.set(productId, currentQuantity + quantity);
  return productItems;
};
const evolve = (state, event) => {
  const { type, data } = event;
  switch (type) {
    case 'ProductItemAddedToShoppingCart':
    case 'ProductItemRemovedFromShoppingCart': {
      if (state.status !== 'Opened' && state.status !== 'Empty') return state;
      const { productItem: { productId, quantity } } = data;
      const productItems = state.status === 'Opened' ? state.productItems : new Map();
      const plusOrMinus = type == 'ProductItemAddedToShoppingCart' ? 1 : -1;
      return { status: 'Opened', productItems: withUpdatedQuantity(productItems, productId, plusOrMinus * quantity) };
    }
    case 'ShoppingCartConfirmed':
    case 'ShoppingCartCancelled':
      return { status: 'Closed' };
    default:
      return state;
  }
};
const toJson = (s) => (s.productItems ? { ...s, productItems: Object.fromEntries(s.productItems) } : s);

const store = getSQLiteEventStore({ fileName: file });
const t = (s) => new Date(`2024-05-01T10:${s}.000Z`);
const added = (id, productId, quantity, unitPrice, at) => ({
  type: 'ProductItemAddedToShoppingCart',
  data: { shoppingCartId: id, clientId: 'client-7', productItem: { productId, quantity, unitPrice }, addedAt: at },
});
const removed = (id, productId, quantity, unitPrice, at) => ({
  type: 'ProductItemRemovedFromShoppingCart',
  data: { shoppingCartId: id, productItem: { productId, quantity, unitPrice }, removedAt: at },
});
const a = 'shopping_cart-5b8e1f0e-6f3a-4c52-9d0e-1a2b3c4d5e6f';
const b = 'shopping_cart-0c9d8e7f-1a2b-4c3d-8e9f-a0b1c2d3e4f5';
await store.appendToStream(a, [added(a, 'shoes', 2, 100, t('00:00'))]);
await store.appendToStream(b, [added(b, 'hat', 1, 25.5, t('00:30'))]);
await store.appendToStream(a, [added(a, 'tshirt', 1, 49.99, t('01:00')), removed(a, 'shoes', 1, 100, t('02:00'))]);
await store.appendToStream(a, [removed(a, 'tshirt', 1, 49.99, t('03:00'))]);
await store.appendToStream(b, [{ type: 'ShoppingCartCancelled', data: { shoppingCartId: b, cancelledAt: t('04:00') } }]);
await store.appendToStream(a, [added(a, 'socks', 3, 5, t('05:00'))]);
await store.appendToStream(a, [{ type: 'ShoppingCartConfirmed', data: { shoppingCartId: a, confirmedAt: t('06:00') } }]);
// appended after the cart closed: evolve leaves a Closed cart as it is
await store.appendToStream(a, [added(a, 'late', 1, 1, t('07:00'))]);

const expected = {};
for (const stream of [a, b]) {
  const { currentStreamVersion } = await store.aggregateStream(stream, { evolve, initialState });
  const states = {};
  for (let v = 0n; v <= currentStreamVersion; v++) {
    const { state } = await store.aggregateStream(stream, { evolve, initialState, read: { to: v } });
    states[String(v)] = toJson(state);
  }
  expected[stream] = states;
}

const db = new sqlite3.Database(file);
const all = (sql) => new Promise((ok, ko) => db.all(sql, (e, r) => (e ? ko(e) : ok(r))));
const ddl = (await all("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid")).map((r) => r.sql);
const rows = {};
for (const table of ['emt_streams', 'emt_messages']) {
  const columns = (await all(`PRAGMA table_info(${table})`)).map((c) => c.name);
  const values = await all(`SELECT ${columns.map((c) => `quote(${c}) AS ${c}`).join(', ')} FROM ${table} ORDER BY rowid`);
  rows[table] = { columns, values: values.map((r) => columns.map((c) => r[c])) };
}
db.close();
fs.writeFileSync(out, JSON.stringify({
  generatedBy: 'src/test/resources/domains/generate/gen-emmett.mjs with @event-driven-io/emmett-sqlite 0.38.5',
  ddl, rows, expected }, null, 1) + '\n');
console.log(JSON.stringify(expected, null, 1));
