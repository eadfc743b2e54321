// Axon Framework's gift card (the GiftCard aggregate of Axon's quick start and giftcard demo), for
// stores of Axon 4's JDBC or JPA engine with the JacksonSerializer: aggregate type "GiftCard",
// payload types com.example.giftcard.Card*Event, sequence numbers from 0.
//
//   @EventSourcingHandler void on(CardIssuedEvent e)   { giftCardId = e.cardId; remainingValue = e.amount; currency = e.currency; }
//   @EventSourcingHandler void on(CardRedeemedEvent e) { remainingValue -= e.amount; }
//   @EventSourcingHandler void on(CardCancelledEvent e) { remainingValue = 0; cancelled = true; }
//
// Revision "2" of CardIssuedEvent added `currency`. Events stored before it have no
// payloadRevision; the application's SingleEventUpcaster (null -> "2") gives them "EUR", and so
// does the upcaster here.
({
  name: "Axon gift card",
  types: ["GiftCard"],

  // a new GiftCard instance: Java field defaults
  $init: () => ({ giftCardId: null, remainingValue: 0, currency: null, cancelled: false }),

  $upcast: {
    CardIssuedEvent: (event) =>
      event.revision === null
        ? { ...event, revision: "2", data: { ...event.data, currency: "EUR" } }
        : event,
  },

  CardIssuedEvent: (state, { data }) => ({
    ...state,
    giftCardId: data.cardId,
    remainingValue: data.amount,
    currency: data.currency,
  }),

  CardRedeemedEvent: (state, { data }) => ({
    ...state,
    remainingValue: state.remainingValue - data.amount,
  }),

  CardCancelledEvent: (state) => ({ ...state, remainingValue: 0, cancelled: true }),
})
