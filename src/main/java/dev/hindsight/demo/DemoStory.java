package dev.hindsight.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.store.codec.Json;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Four weeks of Bean There, a small coffee roaster with a shop counter and a web shop: counter
 * sales, web carts that become orders and payments, stock that is received, reserved, sold and
 * shipped, and the bank accounts the money goes through. Every flow carries a correlation id and
 * every event the id of what caused it.
 *
 * <p>The story is told the same way every time (a fixed seed, fixed dates), and four problems are
 * planted in it for a class to find; see {@link Problem}. {@code OrderPlaced} changed its schema on
 * {@link #SCHEMA_V2}: earlier orders have the version-1 shape, which the demo order reducer
 * upcasts.
 */
public final class DemoStory {

  /** The first event: Monday 2 March 2026, 07:00 UTC. */
  public static final Instant START = Instant.parse("2026-03-02T07:00:00Z");

  /** When the web shop's release 2.0 changed the shape of {@code OrderPlaced}. */
  public static final Instant SCHEMA_V2 = Instant.parse("2026-03-12T00:00:00Z");

  /** Days of trading in the story. */
  public static final int DAYS = 28;

  /** One event as the store holds it; data and metadata are JSON text. */
  public record Event(
      long position,
      String stream,
      long version,
      String type,
      String data,
      String metadata,
      Instant recordedAt) {}

  /**
   * A planted problem: its name, the stream and version where it shows, and a condition over the
   * state (for {@code find --where} with the demo reducers) that first holds there; null for
   * problems that {@code verify} finds without reducers.
   */
  public record Problem(String name, String stream, long version, String where) {}

  /** The whole story: the events in store order, and the problems planted in them. */
  public record Story(List<Event> events, List<Problem> problems) {

    /** The number of distinct streams. */
    public long streamCount() {
      return events.stream().map(Event::stream).distinct().count();
    }
  }

  private DemoStory() {}

  /** Tells the story; the same events every time. */
  public static Story tell() {
    return new Teller().run();
  }

  // ------------------------------------------------------------------------------------------

  private record Product(String sku, String name, int priceCents, int costCents, int weight) {}

  private static final List<Product> PRODUCTS =
      List.of(
          new Product("espresso-beans", "Espresso beans 1 kg", 2400, 1150, 35),
          new Product("filter-roast", "Filter roast 500 g", 1350, 620, 30),
          new Product("decaf", "Decaf 500 g", 1400, 680, 12),
          new Product("hand-grinder", "Hand grinder", 5900, 3100, 0),
          new Product("pour-over-kit", "Pour-over kit", 3500, 1600, 8),
          new Product("travel-mug", "Travel mug", 1800, 700, 15));

  private static final Map<String, Integer> INITIAL_STOCK =
      Map.of(
          "espresso-beans", 60,
          "filter-roast", 50,
          "decaf", 25,
          "hand-grinder", 3,
          "pour-over-kit", 12,
          "travel-mug", 30);

  private record Customer(String id, String name, String email, String street, String city) {}

  private static final List<Customer> CUSTOMERS =
      List.of(
          new Customer(
              "c-1041",
              "Anna de Vries",
              "anna.devries@example.com",
              "Keizersgracht 12",
              "Amsterdam"),
          new Customer(
              "c-1042", "Bram Jansen", "bram.jansen@example.net", "Oudegracht 88", "Utrecht"),
          new Customer(
              "c-1043",
              "Chloé Martin",
              "chloe.martin@example.org",
              "Witte de Withstraat 5",
              "Rotterdam"),
          new Customer("c-1044", "Daan Bakker", "daan@example.com", "Grote Markt 3", "Haarlem"),
          new Customer(
              "c-1045",
              "Eva Visser",
              "eva.visser@example.com",
              "Nieuwe Binnenweg 140",
              "Rotterdam"),
          new Customer("c-1046", "Finn Smit", "finn.smit@example.net", "Vismarkt 21", "Utrecht"),
          new Customer(
              "c-1047", "Gita Rao", "gita.rao@example.org", "Plantage Middenlaan 40", "Amsterdam"),
          new Customer(
              "c-1048", "Hugo Mulder", "hugo.mulder@example.com", "Breestraat 7", "Leiden"),
          new Customer(
              "c-1049", "Iris de Boer", "iris.deboer@example.com", "Lange Voorhout 9", "Den Haag"),
          new Customer("c-1050", "Jonas Meijer", "jonas@example.net", "Markt 16", "Delft"),
          new Customer("c-1051", "Kim Bos", "kim.bos@example.com", "Stratumseind 30", "Eindhoven"),
          new Customer("c-1052", "Lotte Vos", "lotte.vos@example.org", "Vredenburg 2", "Utrecht"));

  /**
   * The sixteen web carts in the order they are opened: which are abandoned, which buy a grinder,
   * and which orders carry a planted problem (the n-th checked-out cart becomes order 1000+n).
   */
  private enum Plot {
    PLAIN,
    ABANDONED,
    GRINDER,
    VERSION_GAP,
    DOUBLE_CAPTURE,
    SHIPPED_BEFORE_PAID,
    NEGATIVE_STOCK,
    DITHERING
  }

  private static final List<Plot> CARTS =
      List.of(
          Plot.PLAIN, // order 1001
          Plot.ABANDONED,
          Plot.PLAIN, // 1002
          Plot.GRINDER, // 1003
          Plot.VERSION_GAP, // 1004
          Plot.ABANDONED,
          Plot.PLAIN, // 1005
          Plot.DOUBLE_CAPTURE, // 1006
          Plot.DITHERING, // 1007
          Plot.ABANDONED,
          Plot.SHIPPED_BEFORE_PAID, // 1008
          Plot.PLAIN, // 1009
          Plot.NEGATIVE_STOCK, // 1010
          Plot.ABANDONED,
          Plot.PLAIN, // 1011
          Plot.PLAIN); // 1012

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY_ID =
      DateTimeFormatter.ofPattern("MMdd").withZone(ZoneOffset.UTC);

  /** An event before it has a place in the store. */
  private static final class Draft {
    final Instant at;
    final long seq;
    final String stream;
    final String type;
    final ObjectNode data;
    final ObjectNode metadata;
    final String id;
    String planted;
    String where;
    boolean lost;
    long version;

    Draft(Instant at, long seq, String stream, String type, ObjectNode data, ObjectNode meta) {
      this.at = at;
      this.seq = seq;
      this.stream = stream;
      this.type = type;
      this.data = data;
      this.metadata = meta;
      this.id = meta.get("eventId").asText();
    }
  }

  /** Something that happens at a time; it may schedule more. */
  private record Action(Instant at, long seq, Runnable run) {}

  private static final class Teller {
    private final Random random = new Random(20260302L);
    private final JsonNodeFactory json = JsonNodeFactory.instance;
    private final List<Draft> drafts = new ArrayList<>();
    private final PriorityQueue<Action> agenda =
        new PriorityQueue<>(Comparator.comparing(Action::at).thenComparingLong(Action::seq));
    private long seq;

    private final Map<String, Integer> onHand = new HashMap<>();
    private final Map<String, Integer> reserved = new HashMap<>();
    private final Set<String> onOrder = new java.util.HashSet<>();
    private final Map<String, Draft> lastEvent = new HashMap<>();
    private long weekTakingsCents;
    private long dayCardCents;
    private int orders;
    private int payments = 5000;
    private int invoices = 7300;

    Story run() {
      openAccounts();
      for (Product p : PRODUCTS) {
        later(
            START.plus(Duration.ofMinutes(30)),
            () -> receive(p.sku(), INITIAL_STOCK.get(p.sku()), false));
      }
      for (int d = 0; d < DAYS; d++) {
        planDay(d);
      }
      planCarts();
      planGrinderCounterSales();
      later(
          START.plus(Duration.ofHours(2)),
          () ->
              withdraw(
                  "account-operating",
                  240000,
                  "Rent March",
                  "Prinsengracht Property BV",
                  null,
                  corr()));
      while (!agenda.isEmpty()) {
        agenda.poll().run().run();
      }
      return store();
    }

    // --- the store -------------------------------------------------------------------------

    private Story store() {
      drafts.sort(Comparator.comparing((Draft d) -> d.at).thenComparingLong(d -> d.seq));
      Map<String, Long> versions = new HashMap<>();
      List<Event> events = new ArrayList<>();
      List<Problem> problems = new ArrayList<>();
      long position = 0;
      for (Draft d : drafts) {
        d.version = versions.merge(d.stream, 1L, Long::sum);
        if (d.lost) {
          // the row a migration lost: its version is taken, the event is not in the store
          problems.add(new Problem(d.planted, d.stream, d.version, null));
          continue;
        }
        if (d.planted != null) {
          problems.add(new Problem(d.planted, d.stream, d.version, d.where));
        }
        events.add(
            new Event(
                ++position,
                d.stream,
                d.version,
                d.type,
                Json.write(d.data),
                Json.write(d.metadata),
                d.at));
      }
      return new Story(List.copyOf(events), List.copyOf(problems));
    }

    private void at(Instant when, Runnable run) {
      agenda.add(new Action(when, seq++, run));
    }

    private Draft emit(
        Instant at,
        String stream,
        String type,
        ObjectNode data,
        String actor,
        String corr,
        Draft cause) {
      ObjectNode meta = json.objectNode();
      meta.put("eventId", uuid());
      meta.put("correlationId", corr);
      meta.put("causationId", cause == null ? uuid() : cause.id);
      meta.put("actor", actor);
      Draft d = new Draft(at, seq++, stream, type, data, meta);
      drafts.add(d);
      lastEvent.put(stream, d);
      return d;
    }

    private String uuid() {
      long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
      long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
      return new UUID(hi, lo).toString();
    }

    private String corr() {
      return uuid();
    }

    private static BigDecimal money(long cents) {
      return BigDecimal.valueOf(cents, 2);
    }

    private static Instant hm(Instant t, int hour, int minute) {
      return t.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofMinutes(hour * 60L + minute));
    }

    private Instant day(int d, int hour, int minute) {
      return hm(START.plus(Duration.ofDays(d)), hour, minute);
    }

    // --- bank accounts ---------------------------------------------------------------------

    private void openAccounts() {
      String[][] accounts = {
        {"account-operating", "Operating account", "NL91 ABNA 0417 1643 00", "1250000"},
        {"account-savings", "Savings", "NL20 INGB 0001 2345 67", "4000000"},
        {"account-tax", "VAT reserve", "NL44 RABO 0123 4567 89", "320000"}
      };
      for (String[] a : accounts) {
        later(
            START,
            () -> {
              ObjectNode data = json.objectNode();
              data.put("accountId", a[0].substring("account-".length()));
              data.put("name", a[1]);
              data.put("iban", a[2]);
              data.put("currency", "EUR");
              data.put("openingBalance", money(Long.parseLong(a[3])));
              emit(START, a[0], "AccountOpened", data, "bookkeeping", corr(), null);
            });
      }
    }

    private Draft deposit(
        String account,
        long cents,
        String reference,
        String counterparty,
        Draft cause,
        String corr) {
      return booked("MoneyDeposited", account, cents, reference, counterparty, cause, corr);
    }

    private Draft withdraw(
        String account,
        long cents,
        String reference,
        String counterparty,
        Draft cause,
        String corr) {
      return booked("MoneyWithdrawn", account, cents, reference, counterparty, cause, corr);
    }

    /** A bank-feed event: now, or two seconds after what caused it. */
    private Draft booked(
        String type,
        String account,
        long cents,
        String reference,
        String counterparty,
        Draft cause,
        String corr) {
      ObjectNode data = json.objectNode();
      data.put("amount", money(cents));
      data.put("reference", reference);
      data.put("counterparty", counterparty);
      Instant when = cause == null ? now : cause.at.plusSeconds(2);
      return emit(when, account, type, data, "bank-feed", corr, cause);
    }

    /** The time of the action being run (set by {@link #timed}). */
    private Instant now = START;

    private Runnable timed(Instant when, Runnable run) {
      return () -> {
        now = when;
        run.run();
      };
    }

    private void later(Instant when, Runnable run) {
      at(when, timed(when, run));
    }

    // --- stock -----------------------------------------------------------------------------

    private Product product(String sku) {
      return PRODUCTS.stream().filter(p -> p.sku().equals(sku)).findFirst().orElseThrow();
    }

    private int available(String sku) {
      return onHand.getOrDefault(sku, 0) - reserved.getOrDefault(sku, 0);
    }

    private void receive(String sku, int quantity, boolean invoiced) {
      Instant when = now;
      onHand.merge(sku, quantity, Integer::sum);
      onOrder.remove(sku);
      ObjectNode data = json.objectNode();
      data.put("sku", sku);
      data.put("name", product(sku).name());
      data.put("quantity", quantity);
      String note = "DN-" + DAY_ID.format(when) + "-" + sku.substring(0, 3).toUpperCase();
      data.put("deliveryNote", note);
      String corr = corr();
      Draft received =
          emit(when, "inventory-" + sku, "StockReceived", data, "warehouse", corr, null);
      if (invoiced) {
        long cents = (long) quantity * product(sku).costCents();
        String invoice = "INV-" + (++invoices);
        Instant pay = hm(workday(when.plus(Duration.ofDays(3))), 10, 15);
        later(
            pay,
            () ->
                withdraw(
                    "account-operating",
                    cents,
                    invoice + " (" + note + ")",
                    "Green Bean Traders",
                    received,
                    corr));
      }
    }

    private void reorderIfLow(String sku) {
      if (sku.equals("hand-grinder") || onOrder.contains(sku)) {
        return;
      }
      int level = INITIAL_STOCK.get(sku) / 3;
      if (onHand.get(sku) <= level) {
        onOrder.add(sku);
        Instant delivery = hm(workday(now.plus(Duration.ofDays(1))), 7, 30);
        later(
            delivery,
            () -> {
              if (onOrder.contains(sku)) { // else an express delivery came first
                receive(sku, INITIAL_STOCK.get(sku) - onHand.get(sku), true);
              }
            });
      }
    }

    private static Instant workday(Instant t) {
      Instant day = t;
      while (day.atZone(ZoneOffset.UTC).getDayOfWeek().getValue() >= 6) {
        day = day.plus(Duration.ofDays(1));
      }
      return day;
    }

    // --- the shop counter ------------------------------------------------------------------

    private void planDay(int d) {
      Instant open = START.plus(Duration.ofDays(d));
      DayOfWeek dow = open.atZone(ZoneOffset.UTC).getDayOfWeek();
      boolean weekend = dow.getValue() >= 6;
      int sales = weekend ? 14 + random.nextInt(7) : 28 + random.nextInt(13);
      // the counter is open 08:00-18:00 on weekdays and 10:00-16:00 at weekends (UTC)
      Instant opens = hm(open, weekend ? 10 : 8, 0);
      int seconds = (weekend ? 6 : 10) * 3600;
      List<Integer> times = new ArrayList<>();
      for (int i = 0; i < sales; i++) {
        times.add(random.nextInt(seconds));
      }
      times.sort(Integer::compare);
      for (int i = 0; i < times.size(); i++) {
        Instant when = opens.plusSeconds(times.get(i));
        String saleId = "S" + DAY_ID.format(open) + "-" + String.format("%03d", i + 1);
        later(when, () -> counterSale(saleId));
      }
      later(
          hm(open, 22, 0),
          () -> {
            if (dayCardCents > 0) {
              long fee = Math.round(dayCardCents * 0.014);
              withdraw(
                  "account-operating", fee, "Card fees " + DAY.format(now), "Adyen", null, corr());
              dayCardCents = 0;
            }
          });
      if (dow == DayOfWeek.FRIDAY) {
        later(hm(open, 16, 30), this::weeklyTransfers);
      }
    }

    private void counterSale(String saleId) {
      String corr = corr();
      int lines = random.nextInt(10) < 7 ? 1 : 2;
      long total = 0;
      Draft last = null;
      List<String> sold = new ArrayList<>();
      for (int i = 0; i < lines; i++) {
        Product p = pick();
        int qty = random.nextInt(10) < 8 ? 1 : 2;
        // the till keeps two of everything for the web shop
        if (sold.contains(p.sku()) || available(p.sku()) - qty < 2) {
          continue;
        }
        sold.add(p.sku());
        last = sell(p, qty, saleId, corr);
        total += (long) qty * p.priceCents();
      }
      if (last != null) {
        deposit("account-operating", total, saleId, "card terminal", last, corr);
        weekTakingsCents += total;
        dayCardCents += total;
        sold.forEach(this::reorderIfLow);
      }
    }

    private Draft sell(Product p, int qty, String saleId, String corr) {
      onHand.merge(p.sku(), -qty, Integer::sum);
      ObjectNode data = json.objectNode();
      data.put("sku", p.sku());
      data.put("quantity", qty);
      data.put("unitPrice", money(p.priceCents()));
      data.put("saleId", saleId);
      data.put("till", "counter");
      return emit(now, "inventory-" + p.sku(), "StockSold", data, "till-1", corr, null);
    }

    private Product pick() {
      int total = PRODUCTS.stream().mapToInt(Product::weight).sum();
      int r = random.nextInt(total);
      for (Product p : PRODUCTS) {
        r -= p.weight();
        if (r < 0) {
          return p;
        }
      }
      throw new IllegalStateException();
    }

    /**
     * The shop had three grinders: one goes at the counter, one to order 1003; the third is on
     * display when order 1010 reserves it (see {@link Plot#NEGATIVE_STOCK}). New ones arrive on
     * Monday 23 March.
     */
    private void planGrinderCounterSales() {
      Product grinder = product("hand-grinder");
      for (int d : new int[] {3}) {
        later(
            day(d, 14, 12),
            () -> {
              String corr = corr();
              String saleId = "S" + DAY_ID.format(now) + "-G";
              Draft sold = sell(grinder, 1, saleId, corr);
              deposit(
                  "account-operating", grinder.priceCents(), saleId, "card terminal", sold, corr);
              weekTakingsCents += grinder.priceCents();
              dayCardCents += grinder.priceCents();
            });
      }
      later(day(21, 8, 0), () -> receive("hand-grinder", 6, true));
    }

    private void weeklyTransfers() {
      String corr = corr();
      Draft out =
          withdraw(
              "account-operating", 200000, "Weekly transfer to savings", "Savings", null, corr);
      deposit(
          "account-savings",
          200000,
          "Weekly transfer from operating",
          "Operating account",
          out,
          corr);
      long vat = Math.round(weekTakingsCents * 21.0 / 121.0);
      String vatCorr = corr();
      Draft vatOut =
          withdraw(
              "account-operating",
              vat,
              "VAT set aside, week " + DAY.format(now),
              "VAT reserve",
              null,
              vatCorr);
      deposit(
          "account-tax",
          vat,
          "VAT set aside, week " + DAY.format(now),
          "Operating account",
          vatOut,
          vatCorr);
      weekTakingsCents = 0;
    }

    // --- the web shop ----------------------------------------------------------------------

    private void planCarts() {
      for (int i = 0; i < CARTS.size(); i++) {
        int index = i;
        int d = 1 + i * (DAYS - 6) / CARTS.size();
        Instant opened = day(d, 9 + random.nextInt(10), random.nextInt(60));
        if (CARTS.get(i) == Plot.NEGATIVE_STOCK) {
          opened = day(17, 10, 5); // Thursday 19 March, in the morning: before the counter sale
        }
        later(opened, () -> cartSession(index, CARTS.get(index)));
      }
    }

    private final Map<String, Integer> cartItems = new LinkedHashMap<>();

    private void cartSession(int index, Plot plot) {
      String cart = "cart-" + (301 + index);
      Customer customer = CUSTOMERS.get(index % CUSTOMERS.size());
      String corr = corr();
      Instant t = now;
      ObjectNode opened = json.objectNode();
      opened.put("cartId", cart.substring(5));
      opened.put("customerId", customer.id());
      Draft last = emit(t, cart, "CartOpened", opened, "web-shop", corr, null);
      cartItems.clear();
      int ops = plot == Plot.DITHERING ? 34 : 3 + random.nextInt(7);
      List<Product> web = PRODUCTS.stream().filter(p -> !p.sku().equals("hand-grinder")).toList();
      if (plot == Plot.GRINDER || plot == Plot.NEGATIVE_STOCK) {
        t = t.plusSeconds(20 + random.nextInt(90));
        last = addItem(t, cart, product("hand-grinder"), 1, corr, last);
      }
      for (int i = 0; i < ops; i++) {
        t = t.plusSeconds(15 + random.nextInt(plot == Plot.DITHERING ? 600 : 180));
        Product p = web.get(random.nextInt(web.size()));
        int r = random.nextInt(10);
        if (!cartItems.containsKey(p.sku()) || cartItems.size() < 2 && r < 6) {
          if (!cartItems.containsKey(p.sku())) {
            last = addItem(t, cart, p, 1 + random.nextInt(2), corr, last);
          }
        } else if (r < 6) {
          int q = Math.max(1, cartItems.get(p.sku()) + (random.nextBoolean() ? 1 : -1));
          cartItems.put(p.sku(), q);
          ObjectNode data = json.objectNode();
          data.put("sku", p.sku());
          data.put("quantity", q);
          last = emit(t, cart, "QuantityChanged", data, "web-shop", corr, last);
        } else if (cartItems.size() > 1) {
          cartItems.remove(p.sku());
          ObjectNode data = json.objectNode();
          data.put("sku", p.sku());
          last = emit(t, cart, "ItemRemoved", data, "web-shop", corr, last);
        }
      }
      int percent = 0;
      if (index % 4 == 2 || plot == Plot.DITHERING) {
        percent = 10;
        t = t.plusSeconds(40);
        ObjectNode data = json.objectNode();
        data.put("code", "SPRING10");
        data.put("percent", percent);
        last = emit(t, cart, "CouponApplied", data, "web-shop", corr, last);
      }
      if (plot == Plot.ABANDONED) {
        ObjectNode data = json.objectNode();
        data.put("reason", "session expired");
        emit(t.plus(Duration.ofHours(2)), cart, "CartAbandoned", data, "web-shop", corr, last);
        return;
      }
      long subtotal = 0;
      for (Map.Entry<String, Integer> e : cartItems.entrySet()) {
        subtotal += (long) e.getValue() * product(e.getKey()).priceCents();
      }
      long total = subtotal - Math.round(subtotal * percent / 100.0);
      String orderId = String.valueOf(1000 + ++orders);
      ObjectNode data = json.objectNode();
      data.put("orderId", orderId);
      data.put("total", money(total));
      Instant checkout = t.plusSeconds(60 + random.nextInt(120));
      Draft checkedOut = emit(checkout, cart, "CartCheckedOut", data, "web-shop", corr, last);
      Map<String, Integer> lines = new LinkedHashMap<>(cartItems);
      int pct = percent;
      later(
          checkout.plusSeconds(1),
          () -> placeOrder(orderId, cart, customer, lines, pct, total, plot, corr, checkedOut));
    }

    private Draft addItem(Instant t, String cart, Product p, int qty, String corr, Draft cause) {
      cartItems.put(p.sku(), qty);
      ObjectNode data = json.objectNode();
      data.put("sku", p.sku());
      data.put("name", p.name());
      data.put("quantity", qty);
      data.put("unitPrice", money(p.priceCents()));
      return emit(t, cart, "ItemAdded", data, "web-shop", corr, cause);
    }

    private void placeOrder(
        String orderId,
        String cart,
        Customer customer,
        Map<String, Integer> lines,
        int percent,
        long total,
        Plot plot,
        String corr,
        Draft checkedOut) {
      String order = "order-" + orderId;
      boolean v1 = now.isBefore(SCHEMA_V2);
      ObjectNode data = json.objectNode();
      data.put("orderId", orderId);
      data.put("cartId", cart.substring(5));
      ArrayNode items = json.arrayNode();
      if (v1) {
        data.put("customer", customer.id());
        data.put("email", customer.email());
        data.put("address", customer.street() + ", " + customer.city());
        lines.forEach(
            (sku, qty) ->
                items
                    .addObject()
                    .put("sku", sku)
                    .put("quantity", qty)
                    .put("price", money(product(sku).priceCents())));
        data.set("lines", items);
        if (percent > 0) {
          data.put("discountPercent", percent);
        }
        data.put("total", money(total));
      } else {
        data.put("customerId", customer.id());
        data.put("email", customer.email());
        ObjectNode address = data.putObject("shippingAddress");
        address.put("name", customer.name());
        address.put("street", customer.street());
        address.put("city", customer.city());
        address.put("country", "NL");
        lines.forEach(
            (sku, qty) -> {
              ObjectNode line = items.addObject();
              line.put("sku", sku).put("name", product(sku).name()).put("quantity", qty);
              line.putObject("unitPrice")
                  .put("amount", money(product(sku).priceCents()))
                  .put("currency", "EUR");
            });
        data.set("lines", items);
        if (percent > 0) {
          data.put("discountPercent", percent);
        }
        data.putObject("total").put("amount", money(total)).put("currency", "EUR");
      }
      Draft placed = emit(now, order, "OrderPlaced", data, "web-shop", corr, checkedOut);
      placed.metadata.put("schemaVersion", v1 ? 1 : 2);
      for (Map.Entry<String, Integer> e : lines.entrySet()) {
        if (!e.getKey().equals("hand-grinder") && available(e.getKey()) < e.getValue() + 2) {
          // short for a web order: the roastery sends a batch over at once
          receive(e.getKey(), INITIAL_STOCK.get(e.getKey()) - onHand.get(e.getKey()), true);
        }
        reserved.merge(e.getKey(), e.getValue(), Integer::sum);
        ObjectNode r = json.objectNode();
        r.put("sku", e.getKey());
        r.put("quantity", e.getValue());
        r.put("orderId", orderId);
        emit(
            now.plusSeconds(1),
            "inventory-" + e.getKey(),
            "StockReserved",
            r,
            "warehouse",
            corr,
            placed);
      }
      if (plot == Plot.NEGATIVE_STOCK) {
        // the grinder on display goes at the counter that afternoon: the till does not know the
        // web shop promised it this morning
        later(
            hm(now, 15, 40),
            () -> {
              String saleCorr = corr();
              String saleId = "S" + DAY_ID.format(now) + "-G";
              Draft sold = sell(product("hand-grinder"), 1, saleId, saleCorr);
              sold.planted = "Negative stock: the counter sold a grinder the web shop had reserved";
              sold.where = "state.available < 0";
              deposit(
                  "account-operating",
                  product("hand-grinder").priceCents(),
                  saleId,
                  "card terminal",
                  sold,
                  saleCorr);
              weekTakingsCents += product("hand-grinder").priceCents();
              dayCardCents += product("hand-grinder").priceCents();
            });
      }
      pay(order, orderId, total, plot, corr, placed, now.plusSeconds(3));
      Instant packDay = workday(now.plus(Duration.ofDays(1)));
      Instant packAt = hm(packDay, 8, 30 + random.nextInt(25));
      later(packAt, () -> pack(order, orderId, lines, plot, corr));
      if (plot == Plot.SHIPPED_BEFORE_PAID) {
        // the card was declined; the customer pays again two days later, after the parcel left
        later(
            hm(packDay.plus(Duration.ofDays(1)), 19, 5),
            () -> pay(order, orderId, total, Plot.PLAIN, corr, lastEvent.get(order), now));
      }
    }

    private Draft pay(
        String order, String orderId, long total, Plot plot, String corr, Draft cause, Instant t) {
      String payment = "payment-" + (++payments);
      ObjectNode auth = json.objectNode();
      auth.put("paymentId", payment.substring(8));
      auth.put("orderId", orderId);
      auth.put("amount", money(total));
      auth.put("currency", "EUR");
      auth.put("method", random.nextBoolean() ? "card" : "ideal");
      Draft authorized = emit(t, payment, "PaymentAuthorized", auth, "payments", corr, cause);
      if (plot == Plot.SHIPPED_BEFORE_PAID) {
        ObjectNode failed = json.objectNode();
        failed.put("reason", "card declined at capture");
        emit(t.plusSeconds(3), payment, "PaymentFailed", failed, "payments", corr, authorized);
        return null;
      }
      String ref =
          "PSP-" + Long.toString(Math.abs(random.nextLong()) % 0x7FFFFFFFL, 36).toUpperCase();
      ObjectNode cap = json.objectNode();
      cap.put("amount", money(total));
      cap.put("pspReference", ref);
      Draft captured =
          emit(t.plusSeconds(3), payment, "PaymentCaptured", cap, "payments", corr, authorized);
      settle(captured, total, ref, corr);
      if (plot == Plot.DOUBLE_CAPTURE) {
        // the payment provider timed out; the worker retried the same command and both went through
        ObjectNode again = cap.deepCopy();
        again.put("pspReference", ref + "-R");
        Draft twice =
            emit(
                t.plusSeconds(48), payment, "PaymentCaptured", again, "payments", corr, authorized);
        twice.metadata.put("attempt", 2);
        twice.planted = "Double charge: the payment was captured twice";
        twice.where = "state.captured > state.authorized";
        settle(twice, total, ref + "-R", corr);
        later(
            hm(workday(t.plus(Duration.ofDays(6))), 13, 20),
            () -> {
              ObjectNode refund = json.objectNode();
              refund.put("amount", money(total));
              refund.put("reason", "duplicate capture, customer complaint");
              Draft refunded =
                  emit(now, payment, "PaymentRefunded", refund, "support", corr, twice);
              withdraw(
                  "account-operating",
                  total,
                  "Refund " + ref + "-R",
                  "payment provider",
                  refunded,
                  corr);
            });
      }
      ObjectNode paid = json.objectNode();
      paid.put("paymentId", payment.substring(8));
      paid.put("amount", money(total));
      return emit(t.plusSeconds(4), order, "OrderPaid", paid, "web-shop", corr, captured);
    }

    private void settle(Draft captured, long total, String ref, String corr) {
      Instant payout = hm(captured.at.plus(Duration.ofDays(1)), 5, 0);
      later(
          payout,
          () -> {
            Draft d =
                deposit(
                    "account-operating", total, "Payout " + ref, "payment provider", null, corr);
            d.metadata.put("causationId", captured.id);
            weekTakingsCents += total;
          });
    }

    private void pack(
        String order, String orderId, Map<String, Integer> lines, Plot plot, String corr) {
      ObjectNode packed = json.objectNode();
      packed.put("packedBy", random.nextBoolean() ? "Sanne" : "Youssef");
      packed.put("parcels", 1);
      Draft packing =
          emit(now, order, "OrderPacked", packed, "warehouse", corr, lastEvent.get(order));
      if (plot == Plot.VERSION_GAP) {
        packing.lost = true;
        packing.planted = "Version gap: an event is missing from the order's stream";
      }
      Draft lastShipped = null;
      for (Map.Entry<String, Integer> e : lines.entrySet()) {
        String sku = e.getKey();
        reserved.merge(sku, -e.getValue(), Integer::sum);
        onHand.merge(sku, -e.getValue(), Integer::sum);
        ObjectNode s = json.objectNode();
        s.put("sku", sku);
        s.put("quantity", e.getValue());
        s.put("orderId", orderId);
        lastShipped =
            emit(
                now.plusSeconds(30),
                "inventory-" + sku,
                "StockShipped",
                s,
                "warehouse",
                corr,
                packing);
        if (plot == Plot.NEGATIVE_STOCK && sku.equals("hand-grinder")) {
          lastShipped.planted = "Negative stock: more grinders shipped than the shop had";
          lastShipped.where = "state.onHand < 0";
        }
        reorderIfLow(sku);
      }
      Draft packedCause = packing;
      later(
          hm(now, 14, 45),
          () -> {
            ObjectNode shipped = json.objectNode();
            shipped.put("carrier", "PostNL");
            shipped.put(
                "trackingNumber",
                "3S" + Long.toString(1_000_000_000L + random.nextInt(900_000_000)));
            Draft sent = emit(now, order, "OrderShipped", shipped, "warehouse", corr, packedCause);
            if (plot == Plot.SHIPPED_BEFORE_PAID) {
              sent.planted = "Shipped before paid: the order left the warehouse unpaid";
              sent.where = "state.status === 'SHIPPED' && !state.paidAt";
            }
            later(
                hm(
                    workday(now.plus(Duration.ofDays(2))),
                    9 + random.nextInt(7),
                    random.nextInt(60)),
                () -> {
                  ObjectNode delivered = json.objectNode();
                  delivered.put("signedBy", "recipient");
                  emit(now, order, "OrderDelivered", delivered, "carrier", corr, sent);
                });
          });
    }
  }
}
