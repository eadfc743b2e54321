// Bean There's stock (the demo store): streams "inventory-<sku>", one per product.
// onHand is what is on the shelves; reserved is promised to web orders not yet shipped;
// available = onHand - reserved is what the shop can still sell.
// This copy of demo/40-inventory.js adds $invariants (the demo's negative stock, inventory-hand-grinder).
const stock = (state, onHand, reserved) => ({
  ...state,
  onHand,
  reserved,
  available: onHand - reserved,
});

({
  name: "Inventory",
  streams: ["inventory-*"],

  $init: () => ({ onHand: 0, reserved: 0, available: 0, received: 0, sold: 0, shipped: 0 }),

  $invariants: {
    "stock never below zero": (state) => state.onHand >= 0,
    "never sells what is promised": (state) => state.available >= 0,
  },

  StockReceived: (state, { data, timestamp }) => ({
    ...stock(state, state.onHand + data.quantity, state.reserved),
    sku: data.sku,
    name: data.name,
    received: state.received + data.quantity,
    lastDelivery: { note: data.deliveryNote, quantity: data.quantity, at: timestamp },
  }),

  StockSold: (state, { data }) => ({
    ...stock(state, state.onHand - data.quantity, state.reserved),
    sold: state.sold + data.quantity,
  }),

  StockReserved: (state, { data }) => stock(state, state.onHand, state.reserved + data.quantity),

  StockShipped: (state, { data }) => ({
    ...stock(state, state.onHand - data.quantity, state.reserved - data.quantity),
    shipped: state.shipped + data.quantity,
  }),
})
