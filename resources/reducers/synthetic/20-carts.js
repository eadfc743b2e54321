// Shopping carts, as make_event_store.py and the demo store write them: streams "cart-<id>".
({
  name: "Shopping cart",
  streams: ["cart-*"],

  $init: () => ({ status: "NEW", items: {}, itemCount: 0 }),

  CartCreated: (state, { data }) => ({
    ...state,
    cartId: data.cartId,
    status: data.status,
    customerId: data.customerId,
    currency: data.currency,
    channel: data.channel,
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

  CouponApplied: (state, { data }) => ({ ...state, coupon: data.coupon.code }),

  CartCheckedOut: (state, { data }) => ({
    ...state,
    status: "CHECKED_OUT",
    orderId: data.checkout.orderId,
    total: data.checkout.total.amount,
  }),

  FieldChanged: (state, { data }) => {
    const field = data.lastChange?.field;
    return field ? { ...state, [field]: data[field] } : state;
  },
})
