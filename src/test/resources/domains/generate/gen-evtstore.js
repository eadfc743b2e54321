// Generates src/test/resources/domains/evtstore-accounts.json:
// evtstore 12.0.1 with its knex provider on node-sqlite3 (knex 3, sqlite3 6) writes a real SQLite store
// through the domain's own commands (createCommands), and evtstore itself folds each aggregate:
// the final state is domain.<agg>.getAggregate(id); the state after version v is evtstore's own
// toNextAggregate reduced over the first v events, from { ...create(), aggregateId, version: 0 },
// exactly as getAggregate does. Date.now is pinned so the event times are repeatable.
// The DDL (sqlite_master) and rows (as SQL literals, quote()) are dumped so the Java test can rebuild the
// identical store.
const fs = require('fs')
const knex = require('knex')
const { createAggregate, createDomain, createCommands } = require('evtstore')
const { createProvider, migrate } = require('evtstore/provider/knex')

const out = process.argv[2]
const file = '/tmp/gen-evtstore.db'
fs.rmSync(file, { force: true })

// event times, pinned (whatever calls Date.now): some with milliseconds, some on a whole second
let tick = 0
Date.now = () => 1714557600000 + tick * 1000 + [123, 0, 250, 999][tick++ % 4]

// ---- the domain: an account whose fold returns partial updates that evtstore merges
const account = createAggregate({
  stream: 'accounts',
  create: () => ({ owner: '', balance: 0, status: 'none', deposits: 0, lastActivity: '' }),
  fold: (evt, prev, meta) => {
    switch (evt.type) {
      case 'opened':
        return { owner: evt.owner, status: 'open', openedAt: meta.timestamp.toISOString() }
      case 'deposited':
        return { balance: prev.balance + evt.amount, deposits: prev.deposits + 1, lastActivity: meta.timestamp.toISOString() }
      case 'withdrawn':
        return { balance: prev.balance - evt.amount, lastActivity: meta.timestamp.toISOString() }
      case 'frozen':
        return { status: 'frozen', reason: evt.reason }
      case 'unfrozen':
        return { status: 'open', reason: undefined }
      // 'noted' has no case: the fold returns undefined, and evtstore still moves the version on
    }
  },
})
// ---- the README's user aggregate, persisted: each event carries the aggregate under __persisted
const user = createAggregate({
  stream: 'users',
  create: () => ({ name: '', enabled: false }),
  fold: (evt) => {
    switch (evt.type) {
      case 'created':
        return { name: evt.name, enabled: true }
      case 'disabled':
        return { enabled: false }
      case 'enabled':
        return { enabled: true }
    }
  },
  version: '1',
  persistAggregate: true,
})

async function main() {
  const client = knex({ client: 'sqlite3', connection: { filename: file }, useNullAsDefault: true })
  await migrate({ client, events: 'events', bookmarks: 'bookmarks' })
  const provider = createProvider({ bookmarks: () => client('bookmarks'), events: () => client('events') })
  const { domain } = createDomain({ provider }, { account, user })

  const accountCmd = createCommands(domain.account, {
    async open(cmd, agg) { if (agg.version) throw new Error('exists'); return { type: 'opened', owner: cmd.owner } },
    async deposit(cmd) { return { type: 'deposited', amount: cmd.amount } },
    async withdraw(cmd, agg) { if (agg.balance < cmd.amount) throw new Error('funds'); return { type: 'withdrawn', amount: cmd.amount } },
    async freeze(cmd) { return { type: 'frozen', reason: cmd.reason } },
    async unfreeze(cmd) { return [{ type: 'unfrozen' }, { type: 'noted', text: cmd.note }] },
  })
  const userCmd = createCommands(domain.user, {
    async create(cmd) { return { type: 'created', name: cmd.name } },
    async disable() { return { type: 'disabled' } },
    async enable() { return { type: 'enabled' } },
  })

  await accountCmd.open('acc-1', { owner: 'u-1' })
  await userCmd.create('u-1', { name: 'Bob' })
  await accountCmd.deposit('acc-1', { amount: 100.25 })
  await accountCmd.withdraw('acc-1', { amount: 30.1 })
  await userCmd.disable('u-1', {})
  await accountCmd.freeze('acc-1', { reason: 'audit' })
  await accountCmd.unfreeze('acc-1', { note: 'audit passed' })
  await accountCmd.deposit('acc-1', { amount: 0.3 })
  await userCmd.enable('u-1', {})

  const expected = {}
  for (const [key, stream, id] of [['account', 'accounts', 'acc-1'], ['user', 'users', 'u-1']]) {
    const agg = domain[key]
    const events = await provider.getEventsFor(stream, id)
    const states = {}
    const initial = { ...(key === 'account' ? account : user).aggregate(), aggregateId: id, version: 0 }
    for (let v = 0; v <= events.length; v++) {
      states[String(v)] = JSON.parse(JSON.stringify(events.slice(0, v).reduce(agg.toNextAggregate, initial)))
    }
    const final = await agg.getAggregate(id)
    if (JSON.stringify(final) !== JSON.stringify(states[String(events.length)]) && key === 'account') {
      throw new Error('getAggregate differs from the reduce: ' + JSON.stringify(final))
    }
    // for the persisted aggregate, getAggregate returns the last event's __persisted copy (with __pv)
    states.getAggregate = JSON.parse(JSON.stringify(final))
    expected[`${stream}/${id}`] = states
  }

  const ddl = (await client.raw("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid")).map((r) => r.sql)
  const rows = {}
  for (const table of ['events', 'bookmarks']) {
    const columns = (await client.raw(`PRAGMA table_info(${table})`)).map((c) => c.name)
    const values = await client.raw(`SELECT ${columns.map((c) => `quote(${c}) AS "${c}"`).join(', ')} FROM ${table} ORDER BY rowid`)
    rows[table] = { columns, values: values.map((r) => columns.map((c) => r[c])) }
  }
  await client.destroy()
  fs.writeFileSync(out, JSON.stringify({
    generatedBy: 'src/test/resources/domains/generate/gen-evtstore.js with evtstore 12.0.1, knex 3, sqlite3 6',
    ddl, rows, expected }, null, 1) + '\n')
  console.log(JSON.stringify(expected, null, 1))
}
main().catch((e) => { console.error(e); process.exit(1) })
