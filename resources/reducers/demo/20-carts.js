// Bean There's web-shop carts (the demo store): streams "cart-<id>".
// A cart becomes an order when it is checked out; CartCheckedOut names the order.
const cents = (x) => Math.round(x * 100) / 100;

const priced = (state, items) => {
  const subtotal = cents(
    Object.values(items).reduce((sum, item) => sum + item.quantity * item.unitPrice, 0)
  );
  const percent = state.coupon ? state.coupon.percent : 0;
  return {
    ...state,
    items,
    itemCount: Object.keys(items).length,
    subtotal,
    total: cents(subtotal - subtotal * percent / 100),
  };
};

({
  name: "Cart",
  streams: ["cart-*"],

  $init: () => ({ status: "OPEN", items: {}, itemCount: 0, subtotal: 0, total: 0 }),

  CartOpened: (state, { data, timestamp }) => ({
    ...state,
    cartId: data.cartId,
    customerId: data.customerId,
    openedAt: timestamp,
  }),

  ItemAdded: (state, { data }) =>
    priced(state, {
      ...state.items,
      [data.sku]: { name: data.name, quantity: data.quantity, unitPrice: data.unitPrice },
    }),

  QuantityChanged: (state, { data }) =>
    priced(state, { ...state.items, [data.sku]: { ...state.items[data.sku], quantity: data.quantity } }),

  ItemRemoved: (state, { data }) => {
    const items = { ...state.items };
    delete items[data.sku];
    return priced(state, items);
  },

  CouponApplied: (state, { data }) =>
    priced({ ...state, coupon: { code: data.code, percent: data.percent } }, state.items),

  CartCheckedOut: (state, { data, timestamp }) => ({
    ...state,
    status: "CHECKED_OUT",
    orderId: data.orderId,
    checkedOutAt: timestamp,
  }),

  CartAbandoned: (state, { data, timestamp }) => ({
    ...state,
    status: "ABANDONED",
    abandonedAt: timestamp,
    reason: data.reason,
  }),
})
