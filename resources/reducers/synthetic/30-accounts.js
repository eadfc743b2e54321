// Customer accounts, as make_event_store.py and the demo store write them: streams "account-<id>".
({
  name: "Account",
  streams: ["account-*"],

  $init: () => ({ status: "NEW", paid: 0, payments: 0 }),

  // Older events may lack a risk score; handlers always see one (the stored form is kept too).
  $upcast: {
    CreditLimitChanged: (event) => ({ ...event, data: { ...event.data, riskScore: event.data.riskScore ?? 0 } }),
  },

  AccountOpened: (state, { data }) => ({
    ...state,
    accountId: data.accountId,
    status: data.status,
    holder: `${data.holder.firstName} ${data.holder.lastName}`,
    tier: data.tier,
    currency: data.currency,
    creditLimit: data.creditLimit.amount,
  }),

  CreditLimitChanged: (state, { data }) => ({
    ...state,
    creditLimit: data.creditLimit.amount,
    riskScore: data.riskScore,
  }),

  PaymentReceived: (state, { data }) => ({
    ...state,
    paid: Math.round((state.paid + data.lastPayment.amount.amount) * 100) / 100,
    payments: state.payments + 1,
  }),

  AddressUpdated: (state, { data }) => ({ ...state, billingAddress: data.billingAddress }),

  FieldChanged: (state, { data }) => {
    const field = data.lastChange?.field;
    return field ? { ...state, [field]: data[field] } : state;
  },
})
