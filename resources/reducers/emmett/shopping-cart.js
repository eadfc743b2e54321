// Emmett's shopping cart, as in Emmett's getting-started sample
// (event-driven-io/emmett: src/docs/snippets/gettingStarted/shoppingCart.ts, `evolve`), for stores
// written by @event-driven-io/emmett-sqlite: streams "shopping_cart-<id>".
//
// The cart is Empty, then Opened with the quantity of each product, then Closed (confirmed or
// cancelled). Emmett keeps the quantities in a Map<productId, quantity>; here they are an object
// with the same entries in the same order. As in Emmett, a removal subtracts (a quantity may reach
// 0 and stay listed), and a closed cart ignores later item events.
(() => {
  const withUpdatedQuantity = (state, productItem, sign) => {
    if (state.status !== "Opened" && state.status !== "Empty") return state;
    const productItems = state.status === "Opened" ? { ...state.productItems } : {};
    const current = productItems[productItem.productId] ?? 0;
    productItems[productItem.productId] = current + sign * productItem.quantity;
    return { status: "Opened", productItems };
  };

  return {
    name: "Emmett shopping cart",
    types: ["shopping_cart"],

    $init: () => ({ status: "Empty" }),

    ProductItemAddedToShoppingCart: (state, { data }) =>
      withUpdatedQuantity(state, data.productItem, 1),

    ProductItemRemovedFromShoppingCart: (state, { data }) =>
      withUpdatedQuantity(state, data.productItem, -1),

    ShoppingCartConfirmed: () => ({ status: "Closed" }),

    ShoppingCartCancelled: () => ({ status: "Closed" }),
  };
})()
