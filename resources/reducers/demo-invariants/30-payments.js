// Bean There's payments (the demo store): streams "payment-<id>", one per attempt to pay an order.
// `captured` adds up every capture: a payment captured twice shows more captured than authorized.
// This copy of demo/30-payments.js adds $invariants: `verify --reducer resources/reducers/demo-invariants`
// reports the first event after which one does not hold (the demo's double charge, payment-5006).
const cents = (x) => Math.round(x * 100) / 100;

({
  name: "Payment",
  streams: ["payment-*"],

  $init: () => ({ status: "NEW", authorized: 0, captured: 0, captures: 0, refunded: 0 }),

  $invariants: {
    "captured within authorised": (state) => state.captured <= state.authorized,
    "refunded within captured": (state) => state.refunded <= state.captured,
  },

  PaymentAuthorized: (state, { data, timestamp }) => ({
    ...state,
    paymentId: data.paymentId,
    orderId: data.orderId,
    status: "AUTHORIZED",
    method: data.method,
    currency: data.currency,
    authorized: data.amount,
    authorizedAt: timestamp,
  }),

  PaymentCaptured: (state, { data, timestamp }) => ({
    ...state,
    status: "CAPTURED",
    captured: cents(state.captured + data.amount),
    captures: state.captures + 1,
    lastCapture: { amount: data.amount, pspReference: data.pspReference, at: timestamp },
  }),

  PaymentFailed: (state, { data, timestamp }) => ({
    ...state,
    status: "FAILED",
    failure: data.reason,
    failedAt: timestamp,
  }),

  PaymentRefunded: (state, { data, timestamp }) => ({
    ...state,
    status: "REFUNDED",
    refunded: cents(state.refunded + data.amount),
    refundReason: data.reason,
    refundedAt: timestamp,
  }),
})
