// The shopping cart of Pekko's Event Sourcing guide (EventSourcedBehavior, ShoppingCart.State),
// for Pekko Persistence JDBC stores with Pekko's Jackson JSON serializer: persistence ids
// "ShoppingCart|<cartId>", manifests "com.example.ShoppingCart$<Event>[#N]".
//
//   case ItemAdded(_, itemId, quantity)            => state.updateItem(itemId, quantity)
//   case ItemRemoved(_, itemId)                    => state.removeItem(itemId)
//   case ItemQuantityAdjusted(_, itemId, newQuantity) => state.updateItem(itemId, newQuantity)
//   case CheckedOut(_, eventTime)                  => state.checkout(eventTime)
// where updateItem sets the quantity (0 removes the item) and checkout sets checkoutDate.
//
// ItemAdded has a JacksonMigration with currentVersion 2 (hence the "#2" manifests): version 1
// called the field `productId`; the migration renames it to `itemId`, and so does the upcaster
// here, for events whose manifest has no "#N" (version 1).
(() => {
  const updateItem = (state, itemId, quantity) => {
    const items = { ...state.items };
    if (quantity === 0) {
      delete items[itemId];
    } else {
      items[itemId] = quantity;
    }
    return { ...state, items };
  };

  return {
    name: "Pekko shopping cart",
    types: ["ShoppingCart"],

    $init: () => ({ items: {}, checkoutDate: null }),

    $upcast: {
      ItemAdded: (event) => {
        if (event.revision !== null) return event;
        const data = { cartId: event.data.cartId, itemId: event.data.productId };
        Object.keys(event.data).forEach((key) => {
          if (key !== "productId" && key !== "cartId") data[key] = event.data[key];
        });
        return { ...event, revision: "2", data };
      },
    },

    ItemAdded: (state, { data }) => updateItem(state, data.itemId, data.quantity),

    ItemRemoved: (state, { data }) => {
      const items = { ...state.items };
      delete items[data.itemId];
      return { ...state, items };
    },

    ItemQuantityAdjusted: (state, { data }) => updateItem(state, data.itemId, data.newQuantity),

    CheckedOut: (state, { data }) => ({ ...state, checkoutDate: data.eventTime }),
  };
})()
