// Orders, as make_event_store.py and the demo store write them: streams "order-<id>".
// Each event's data is a patch; this reducer keeps what an order is about and derives totals.
({
  name: "Order",
  streams: ["order-*"],

  $init: () => ({ status: "NEW", items: {}, itemCount: 0, paid: 0, payments: 0, shipments: 0 }),

  OrderPlaced: (state, { data }) => ({
    ...state,
    orderId: data.orderId,
    status: data.status,
    customerId: data.customerId,
    currency: data.currency,
    placedAt: data.placedAt,
    channel: data.channel,
    priority: data.priority,
    shippingAddress: data.shippingAddress,
  }),

  ItemAdded: (state, { data }) => {
    const items = { ...state.items };
    Object.entries(data.items ?? {}).forEach(([sku, item]) => {
      items[sku] = { name: item.name, qty: item.qty, price: item.price?.amount ?? 0 };
    });
    return { ...state, items, itemCount: Object.keys(items).length };
  },

  ItemRemoved: (state, { data }) => {
    const items = { ...state.items };
    Object.keys(data.items ?? {}).forEach((sku) => delete items[sku]);
    return { ...state, items, itemCount: Object.keys(items).length };
  },

  QuantityChanged: (state, { data }) => {
    const items = { ...state.items };
    Object.entries(data.items ?? {}).forEach(([sku, change]) => {
      if (items[sku]) items[sku] = { ...items[sku], qty: change.qty };
    });
    return { ...state, items };
  },

  DiscountApplied: (state, { data }) => ({
    ...state,
    discount: { code: data.discount.code, percent: data.discount.percent },
  }),

  PaymentReceived: (state, { data }) => ({
    ...state,
    paid: Math.round((state.paid + data.lastPayment.amount.amount) * 100) / 100,
    payments: state.payments + 1,
  }),

  AddressUpdated: (state, { data }) => ({ ...state, shippingAddress: data.shippingAddress }),

  OrderShipped: (state, { data }) => ({
    ...state,
    status: "SHIPPED",
    shipments: state.shipments + 1,
    carrier: data.shipment.carrier,
  }),

  // a generic "field changed" event: data names the field in lastChange.field
  FieldChanged: (state, { data }) => {
    const field = data.lastChange?.field;
    return field ? { ...state, [field]: data[field] } : state;
  },
})
