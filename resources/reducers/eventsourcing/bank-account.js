// The bank account of Python eventsourcing's examples (examples/bankaccounts/domainmodel.py), for
// stores of eventsourcing 9 (stored_events): topics "bankaccounts.domainmodel:BankAccount.<Event>",
// originator ids as 32 hex digits, versions from 1.
//
//   class BankAccount(Aggregate):
//       class Opened(Aggregate.Created):          # class_version 2 added `currency`
//           full_name: str; email_address: str; currency: str
//           class_version = 2
//           @staticmethod
//           def upcast_v1_v2(state): state["currency"] = "GBP"
//       @event(Opened)
//       def __init__(self, full_name, email_address, currency):
//           self.full_name = full_name; self.email_address = email_address; self.currency = currency
//           self.balance = Decimal("0.00"); self.overdraft_limit = Decimal("0.00"); self.is_closed = False
//       @event("TransactionAppended")
//       def append_transaction(self, amount: Decimal): self.balance += amount
//       @event("OverdraftLimitSet")
//       def set_overdraft_limit(self, overdraft_limit: Decimal): self.overdraft_limit = overdraft_limit
//       @event("Closed")
//       def close(self): self.is_closed = True
//
// The state is the aggregate's __dict__ with Python's own string forms: str(UUID) for _id,
// datetime.isoformat() for _created_on/_modified_on (as the events store them) and str(Decimal) for
// money. Decimals are added exactly, as Python's Decimal does (the result has the larger number
// of decimal places: 0.00 + 100 = 100.00). Every event sets _version and _modified_on.
(() => {
  // exact decimal strings -> [units, scale]; amounts up to 2^53 units are exact
  const parse = (s) => {
    const negative = s.charAt(0) === "-";
    const digits = negative || s.charAt(0) === "+" ? s.substring(1) : s;
    const dot = digits.indexOf(".");
    const scale = dot < 0 ? 0 : digits.length - dot - 1;
    const units = Number(digits.replace(".", ""));
    return [negative ? -units : units, scale];
  };
  const addDecimals = (a, b) => {
    const [ua, sa] = parse(a);
    const [ub, sb] = parse(b);
    const scale = Math.max(sa, sb);
    const units = ua * Math.pow(10, scale - sa) + ub * Math.pow(10, scale - sb);
    let text = String(Math.abs(units));
    while (text.length <= scale) text = "0" + text;
    const whole = scale === 0 ? text : text.substring(0, text.length - scale) + "." + text.substring(text.length - scale);
    return (units < 0 ? "-" : "") + whole;
  };
  // eventsourcing's JSONTranscoder: {"_type_": …, "_data_": …}
  const decimal = (value) => value._data_;
  const time = (event) => event.data.timestamp._data_;
  const uuid = (hex) =>
    [hex.substring(0, 8), hex.substring(8, 12), hex.substring(12, 16), hex.substring(16, 20), hex.substring(20)].join("-");
  const mutated = (state, event, changes) => ({
    ...state,
    ...changes,
    _version: event.version,
    _modified_on: time(event),
  });

  return {
    name: "eventsourcing bank account",
    types: ["BankAccount"],

    $init: () => ({}),

    $upcast: {
      // BankAccount.Opened.upcast_v1_v2: events stored before class_version 2 have no currency
      "BankAccount.Opened": (event) =>
        event.data.class_version === undefined
          ? { ...event, data: { ...event.data, currency: "GBP", class_version: 2 } }
          : event,
    },

    "BankAccount.Opened": (state, event) => ({
      _id: uuid(event.stream),
      _version: event.version,
      _created_on: time(event),
      _modified_on: time(event),
      full_name: event.data.full_name,
      email_address: event.data.email_address,
      currency: event.data.currency,
      balance: "0.00",
      overdraft_limit: "0.00",
      is_closed: false,
    }),

    "BankAccount.TransactionAppended": (state, event) =>
      mutated(state, event, { balance: addDecimals(state.balance, decimal(event.data.amount)) }),

    "BankAccount.OverdraftLimitSet": (state, event) =>
      mutated(state, event, { overdraft_limit: decimal(event.data.overdraft_limit) }),

    "BankAccount.Closed": (state, event) => mutated(state, event, { is_closed: true }),
  };
})()
