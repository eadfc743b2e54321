// evtstore domains (evtstore 12, any provider; here the knex/SQLite one): streams "TYPE/ID".
//
// evtstore's fold returns a *partial* aggregate, which evtstore merges over the previous one and
// then stamps with the event's version and the aggregate id (create-aggregate.ts,
// toNextAggregate):
//   next = { ...prev, ...fold(event, prev, meta), version: ev.version, aggregateId: ev.aggregateId }
// so a fold that returns nothing still moves the version on, and a key set to undefined disappears
// from the JSON. `meta.timestamp` is a Date; `event.data` is the stored event (with its `type`,
// and `__persisted` for persisted aggregates, which folds ignore).
//
// Unlike evtstore's, the state before the first event has no `aggregateId` ($init is not told the
// stream); every state after an event has it.
(() => {
  const toNextAggregate = (fold) => (prev, event) => {
    const meta = {
      aggregateId: event.stream.substring(event.stream.indexOf("/") + 1),
      position: event.position,
      stream: event.stream.substring(0, event.stream.indexOf("/")),
      timestamp: new Date(event.timestamp),
      version: event.version,
    };
    return {
      ...prev,
      ...fold(event.data, prev, meta),
      version: event.version,
      aggregateId: meta.aggregateId,
    };
  };

  // the account aggregate, its fold as written for evtstore's createAggregate
  const accountFold = (evt, prev, meta) => {
    switch (evt.type) {
      case "opened":
        return { owner: evt.owner, status: "open", openedAt: meta.timestamp.toISOString() };
      case "deposited":
        return {
          balance: prev.balance + evt.amount,
          deposits: prev.deposits + 1,
          lastActivity: meta.timestamp.toISOString(),
        };
      case "withdrawn":
        return { balance: prev.balance - evt.amount, lastActivity: meta.timestamp.toISOString() };
      case "frozen":
        return { status: "frozen", reason: evt.reason };
      case "unfrozen":
        return { status: "open", reason: undefined };
    }
    // any other event ("noted"): nothing to merge, the version still moves on
  };

  // the user aggregate of evtstore's README
  const userFold = (evt) => {
    switch (evt.type) {
      case "created":
        return { name: evt.name, enabled: true };
      case "disabled":
        return { enabled: false };
      case "enabled":
        return { enabled: true };
    }
  };

  return [
    {
      name: "evtstore account",
      types: ["accounts"],
      $init: () => ({ owner: "", balance: 0, status: "none", deposits: 0, lastActivity: "", version: 0 }),
      $any: toNextAggregate(accountFold),
    },
    {
      name: "evtstore user",
      types: ["users"],
      $init: () => ({ name: "", enabled: false, version: 0 }),
      $any: toNextAggregate(userFold),
    },
  ];
})()
