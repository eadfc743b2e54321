// Bean There's web-shop orders (the demo store): streams "order-<id>".
//
// OrderPlaced changed shape with the web shop's release 2.0 on 12 March 2026. Version 1 had
// `customer`, a one-line `address`, line `price`s and a bare `total` in euros; version 2 has
// `customerId`, a `shippingAddress` object, `unitPrice` and `total` as { amount, currency }. The
// upcaster below turns a version-1 event into version 2 before the handler sees it, so the
// handler knows one shape only. (The event's metadata says which it was: schemaVersion.)
({
  name: "Order",
  streams: ["order-*"],

  $init: () => ({ status: "NEW", lines: {}, paid: 0 }),

  $upcast: {
    OrderPlaced: (event) => {
      const d = event.data;
      if (typeof d.total !== "number") return event; // already version 2
      const [street, city] = String(d.address ?? "").split(", ");
      const lines = (d.lines ?? []).map((l) => ({
        sku: l.sku,
        name: l.sku,
        quantity: l.quantity,
        unitPrice: { amount: l.price, currency: "EUR" },
      }));
      return {
        ...event,
        data: {
          orderId: d.orderId,
          cartId: d.cartId,
          customerId: d.customer,
          email: d.email,
          shippingAddress: { name: null, street: street ?? null, city: city ?? null, country: "NL" },
          lines,
          discountPercent: d.discountPercent,
          total: { amount: d.total, currency: "EUR" },
        },
      };
    },
  },

  OrderPlaced: (state, { data, timestamp }) => {
    const lines = {};
    data.lines.forEach((l) => {
      lines[l.sku] = { name: l.name, quantity: l.quantity, unitPrice: l.unitPrice.amount };
    });
    return {
      ...state,
      orderId: data.orderId,
      status: "PLACED",
      placedAt: timestamp,
      customerId: data.customerId,
      email: data.email,
      shippingAddress: data.shippingAddress,
      lines,
      discountPercent: data.discountPercent ?? 0,
      total: data.total.amount,
      currency: data.total.currency,
    };
  },

  OrderPaid: (state, { data, timestamp }) => ({
    ...state,
    status: state.status === "PLACED" ? "PAID" : state.status,
    paid: Math.round((state.paid + data.amount) * 100) / 100,
    paidAt: timestamp,
    paymentId: data.paymentId,
  }),

  OrderPacked: (state, { data, timestamp }) => ({
    ...state,
    status: "PACKED",
    packedAt: timestamp,
    packedBy: data.packedBy,
  }),

  OrderShipped: (state, { data, timestamp }) => ({
    ...state,
    status: "SHIPPED",
    shippedAt: timestamp,
    carrier: data.carrier,
    trackingNumber: data.trackingNumber,
  }),

  OrderDelivered: (state, { timestamp }) => ({ ...state, status: "DELIVERED", deliveredAt: timestamp }),
})
