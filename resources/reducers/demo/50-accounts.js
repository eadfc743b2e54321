// Bean There's bank accounts (the demo store): streams "account-<name>".
const cents = (x) => Math.round(x * 100) / 100;

({
  name: "Bank account",
  streams: ["account-*"],

  $init: () => ({ balance: 0, deposits: 0, withdrawals: 0 }),

  AccountOpened: (state, { data, timestamp }) => ({
    ...state,
    accountId: data.accountId,
    name: data.name,
    iban: data.iban,
    currency: data.currency,
    openedAt: timestamp,
    balance: data.openingBalance,
  }),

  MoneyDeposited: (state, { data, timestamp }) => ({
    ...state,
    balance: cents(state.balance + data.amount),
    deposits: state.deposits + 1,
    last: { amount: data.amount, reference: data.reference, counterparty: data.counterparty, at: timestamp },
  }),

  MoneyWithdrawn: (state, { data, timestamp }) => ({
    ...state,
    balance: cents(state.balance - data.amount),
    withdrawals: state.withdrawals + 1,
    last: { amount: -data.amount, reference: data.reference, counterparty: data.counterparty, at: timestamp },
  }),
})
