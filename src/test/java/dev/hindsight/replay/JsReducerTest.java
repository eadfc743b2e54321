package dev.hindsight.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hindsight.replay.js.JsReducers;
import dev.hindsight.store.codec.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsReducerTest {

  @TempDir Path dir;

  private String finalState(ReplayFixture f, String stream, String js) throws Exception {
    return Json.write(f.replay(stream, js).finalState());
  }

  @Test
  void modernSyntaxFoldsAShoppingCart() throws Exception {
    try (ReplayFixture f = new ReplayFixture(dir)) {
      f.event("cart-1", 1, "ProductItemAdded", "{\"item\":{\"sku\":\"a\",\"qty\":2,\"price\":1.5}}")
          .event(
              "cart-1", 2, "ProductItemAdded", "{\"item\":{\"sku\":\"b\",\"qty\":1,\"price\":10}}")
          .event("cart-1", 3, "Confirmed", "{}");
      String js =
          "({ name: 'Cart', $init: () => ({ items: [], status: 'Open' }),\n"
              + "  ProductItemAdded: (state, { data: { item } }) => ({ ...state, items: [...state.items, item] }),\n"
              + "  Confirmed: (state, event) => {\n"
              + "    const total = state.items.reduce((s, { qty, price }) => s + qty * price, 0);\n"
              + "    let label = `${state.items.length} items`;\n"
              + "    return { ...state, status: 'Confirmed', total, label, first: state.items[0]?.sku ?? 'none',\n"
              + "             version: event.version, stream: event.stream };\n"
              + "  } })";

      assertThat(finalState(f, "cart-1", js))
          .isEqualTo(
              "{\"items\":[{\"sku\":\"a\",\"qty\":2,\"price\":1.5},{\"sku\":\"b\",\"qty\":1,\"price\":10}],"
                  + "\"status\":\"Confirmed\",\"total\":13,\"label\":\"2 items\",\"first\":\"a\",\"version\":3,"
                  + "\"stream\":\"cart-1\"}");
    }
  }

  @ParameterizedTest(name = "{0} is handled by {1}")
  @CsvSource({
    "Deposited, Deposited",
    "com.example.Account$Deposited#2, 'com.example.Account$Deposited#2'",
    "bank.domain:Account.Deposited, Account.Deposited",
    "Elixir.Bank.Deposited, Deposited",
    "com.example.Account$Deposited, Deposited",
  })
  void handlerLookupTriesTheStoredTypeThenShorterForms(String type, String handler)
      throws Exception {
    String js =
        "({ $init: () => ({ by: [] }),\n"
            + "  'com.example.Account$Deposited#2': (s) => ({ by: [...s.by, 'com.example.Account$Deposited#2'] }),\n"
            + "  'Account.Deposited': (s) => ({ by: [...s.by, 'Account.Deposited'] }),\n"
            + "  Deposited: (s) => ({ by: [...s.by, 'Deposited'] }) })";
    try (ReplayFixture f = new ReplayFixture(dir)) {
      f.event("acc-1", 1, type, "{}");
      assertThat(finalState(f, "acc-1", js)).isEqualTo("{\"by\":[\"" + handler + "\"]}");
    }
  }

  @Test
  void withoutAHandlerAnEventIsUnhandledUnlessAnyTakesIt() throws Exception {
    try (ReplayFixture f = new ReplayFixture(dir)) {
      f.event("s-1", 1, "Known", "{}")
          .event("s-1", 2, "Unknown", "{}")
          .event("s-1", 3, "Other", "{}");

      StreamReplay plain =
          f.replay("s-1", "({ $init: () => ({ n: 0 }), Known: (s) => ({ n: s.n + 1 }) })");
      assertThat(Json.write(plain.finalState())).isEqualTo("{\"n\":1}");
      assertThat(plain.unhandled()).isEqualTo(2);

      StreamReplay any =
          f.replay(
              "s-1",
              "({ $init: () => ({ seen: [] }), $any: (s, e) => ({ seen: [...s.seen, e.type] }) })");
      assertThat(Json.write(any.finalState()))
          .isEqualTo("{\"seen\":[\"Known\",\"Unknown\",\"Other\"]}");
      assertThat(any.unhandled()).isZero();
    }
  }

  @Test
  void initRunsOncePerStreamAndHandlersMayMutateTheState() throws Exception {
    try (ReplayFixture f = new ReplayFixture(dir)) {
      f.event("s-1", 1, "Inc", "{}").event("s-1", 2, "Inc", "{}");
      String js =
          "var inits = 0;\n"
              + "({ $init: () => { inits = inits + 1; return { n: 0, inits: inits }; },\n"
              + "   Inc: (s) => { s.n = s.n + 1; return s; } })";
      assertThat(finalState(f, "s-1", js)).isEqualTo("{\"n\":2,\"inits\":1}");
    }
  }

  @Test
  void initIsToldTheStreamAndItsType() throws Exception {
    try (ReplayFixture f = new ReplayFixture(dir)) {
      f.event("order-7", 1, "X", "{}");
      assertThat(
              finalState(
                  f,
                  "order-7",
                  "({ $init: ({ stream, type }) => ({ stream, type }), X: (s) => s })"))
          .isEqualTo("{\"stream\":\"order-7\",\"type\":\"order\"}");
    }
  }

  @Test
  void anUpcasterThatReturnsItsInputChangesNothing() throws Exception {
    try (ReplayFixture f = new ReplayFixture(dir)) {
      f.event("s-1", 1, "X", "{\"v\":2}");
      Reducer r =
          ReplayFixture.js(
              "({ $upcast: { X: (e) => e.data.v === 2 ? e : ({ ...e, data: { v: 2 } }) }, X: (s) => s })");
      assertThat(r.upcast(f.replay("s-1", r, ReplayOptions.defaults()).event(0))).isNull();
    }
  }

  @Test
  void upcastersChangeWhatHandlersSeeAndTheStoredFormIsKept() throws Exception {
    try (ReplayFixture f = new ReplayFixture(dir)) {
      f.event("acc-1", 1, "MoneyDeposited", "{\"amount\":5}")
          .event("acc-1", 2, "MoneyDeposited", "{\"amount\":7,\"currency\":\"SEK\"}");
      Reducer r =
          ReplayFixture.js(
              "({ $init: () => ({ deposits: [] }),\n"
                  + "  $upcast: { MoneyDeposited: (e) => ({ ...e, data: { ...e.data, currency: e.data.currency ?? 'EUR' } }) },\n"
                  + "  MoneyDeposited: (s, e) => ({ deposits: [...s.deposits, e.data.amount + ' ' + e.data.currency] }) })");

      StreamReplay replay = f.replay("acc-1", r, ReplayOptions.defaults());

      assertThat(Json.write(replay.finalState())).isEqualTo("{\"deposits\":[\"5 EUR\",\"7 SEK\"]}");
      var stored = replay.event(0);
      assertThat(Json.write(stored.data())).isEqualTo("{\"amount\":5}");
      assertThat(Json.write(r.upcast(stored).get("data")))
          .isEqualTo("{\"amount\":5,\"currency\":\"EUR\"}");
    }
  }

  @Test
  void aReducerAppliesByStreamGlobOrAggregateTypeAndTheFirstMatchWins(@TempDir Path folder)
      throws Exception {
    Files.writeString(
        folder.resolve("b-orders.js"), "({ name: 'Orders', streams: ['order-*'], X: (s) => s })");
    Files.writeString(
        folder.resolve("a-accounts.js"), "({ name: 'Accounts', types: ['account'], X: (s) => s })");
    Files.writeString(
        folder.resolve("c-all.js"),
        "[({ name: 'All', X: (s) => s }), ({ name: 'Never', X: (s) => s })]");
    Files.writeString(folder.resolve("notes.txt"), "not a reducer");

    ReducerSet set = JsReducers.load(folder);

    assertThat(set.reducers())
        .extracting(Reducer::name)
        .containsExactly("Accounts", "Orders", "All", "Never");
    assertThat(set.forStream("order-7", "order").name()).isEqualTo("Orders");
    assertThat(set.forStream("acc-1", "account").name()).isEqualTo("Accounts");
    assertThat(set.forStream("cart-1", "cart").name()).isEqualTo("All");
    assertThat(ReducerSet.generic().forStream("x", null).name()).isEqualTo(GenericReducer.NAME);
  }

  @Test
  void aReducerErrorIsReportedAndTheStateStaysAsItWasBeforeTheEvent() throws Exception {
    try (ReplayFixture f = new ReplayFixture(dir)) {
      f.event("s-1", 1, "Add", "{\"n\":1}")
          .event("s-1", 2, "Add", "{\"n\":-1}")
          .event("s-1", 3, "Add", "{\"n\":10}");
      String js =
          "({ $init: () => ({ total: 0, log: [] }),\n"
              + "  Add: (s, e) => { s.log.push(e.version); if (e.data.n < 0) throw new Error('negative ' + e.data.n);\n"
              + "                   s.total += e.data.n; return s; } })";

      StreamReplay replay = f.replay("s-1", js);

      assertThat(Json.write(replay.finalState())).isEqualTo("{\"total\":11,\"log\":[1,3]}");
      assertThat(replay.errors()).hasSize(1);
      ReducerError error = replay.errors().get(1);
      assertThat(error.version()).isEqualTo(2);
      assertThat(error.type()).isEqualTo("Add");
      assertThat(error.message()).startsWith("threw Error: negative -1");
      assertThat(Json.write(replay.stateAfter(1))).isEqualTo("{\"total\":1,\"log\":[1]}");

      assertThatThrownBy(
              () ->
                  f.replay("s-1", ReplayFixture.js(js), ReplayOptions.defaults().withStrict(true)))
          .isInstanceOf(ReducerException.class)
          .hasMessageStartingWith(
              "reducer error in s-1 at version 2 (Add): threw Error: negative -1");
    }
  }

  @Test
  void aStateThatIsNotJsonIsAReducerErrorAtTheEventThatMadeIt() throws Exception {
    try (ReplayFixture f = new ReplayFixture(dir)) {
      f.event("s-1", 1, "Ok", "{}")
          .event("s-1", 2, "Fn", "{}")
          .event("s-1", 3, "Cycle", "{}")
          .event("s-1", 4, "Nan", "{}")
          .event("s-1", 5, "Ok", "{}")
          .event("s-1", 6, "Nothing", "{}");
      String js =
          "({ $init: () => ({ n: 0 }),\n"
              + "  Ok: (s) => ({ n: s.n + 1 }),\n"
              + "  Fn: (s) => ({ ...s, f: () => 1 }),\n"
              + "  Cycle: (s) => { const o = { ...s }; o.self = o; return o; },\n"
              + "  Nan: (s) => ({ ...s, bad: 0 / 0 }),\n"
              + "  Nothing: (s) => { s.n = 99; } })";

      StreamReplay replay = f.replay("s-1", js);

      assertThat(Json.write(replay.finalState())).isEqualTo("{\"n\":2}");
      assertThat(replay.errors().values())
          .extracting(e -> e.version() + ": " + e.message())
          .containsExactly(
              "2: the state holds a function at /f; a state must be JSON",
              "3: the state has a cycle at /self; a state must be JSON",
              "4: the state holds NaN at /bad; a state must be JSON",
              "6: the handler returned undefined; return the new state");
      for (int o = -1; o < replay.size(); o++) {
        assertThat(replay.stateAfter(o).toString()).doesNotContain("self");
      }
    }
  }

  @Test
  @Timeout(20)
  void aRunawayHandlerIsStoppedWithAMessageNamingTheEvent() throws Exception {
    try (ReplayFixture f = new ReplayFixture(dir)) {
      f.event("s-1", 1, "Loop", "{}").event("s-1", 2, "Deep", "{}").event("s-1", 3, "Ok", "{}");
      String js =
          "function down(n) { return down(n + 1) + 1; }\n"
              + "({ $init: () => ({ ok: 0 }),\n"
              + "  Loop: (s) => { while (true) { try { } catch (e) { } } },\n"
              + "  Deep: (s) => ({ d: down(0) }),\n"
              + "  Ok: (s) => ({ ok: s.ok + 1 }) })";

      StreamReplay replay = f.replay("s-1", js);

      assertThat(Json.write(replay.finalState())).isEqualTo("{\"ok\":1}");
      assertThat(replay.errors().values())
          .extracting(e -> e.version() + " " + e.type() + ": " + e.message())
          .satisfiesExactly(
              m ->
                  assertThat(m)
                      .isEqualTo(
                          "1 Loop: ran longer than 300 ms and was stopped (an endless loop?)"),
              m -> assertThat(m).startsWith("2 Deep: ").containsIgnoringCase("stack"));
    }
  }

  @Test
  @Timeout(20)
  void aMemoryBombIsStoppedAtItsEventAndTheRestFolds() throws Exception {
    long before = dev.hindsight.replay.js.JsReducers.allocationLimit(64L << 20);
    try (ReplayFixture f = new ReplayFixture(dir)) {
      f.event("s-1", 1, "Ok", "{}").event("s-1", 2, "Bomb", "{}").event("s-1", 3, "Ok", "{}");
      String js =
          "({ $init: () => ({ ok: 0 }),\n"
              + "  Bomb: (s) => { let a = []; while (true) { a.push(\"x\".repeat(65536) + a.length); } },\n"
              + "  Ok: (s) => ({ ok: s.ok + 1 }) })";

      StreamReplay replay = f.replay("s-1", js);

      assertThat(Json.write(replay.finalState())).isEqualTo("{\"ok\":2}");
      assertThat(replay.errors().values())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.version()).isEqualTo(2);
                assertThat(e.message())
                    .isEqualTo("allocated more than 64 MB and was stopped (a memory bomb?)");
              });
    } finally {
      dev.hindsight.replay.js.JsReducers.allocationLimit(before);
    }
  }

  @Test
  void aFunctionInOneStateIsAnErrorAtThatEventAndIsNotPassedOn() throws Exception {
    try (ReplayFixture f = new ReplayFixture(dir)) {
      f.event("s-1", 1, "X", "{}").event("s-1", 2, "X", "{}").event("s-1", 3, "X", "{}");
      String js =
          "({ $any: (s, e) => ({ n: (s.n || 0) + 1, f: e.version === 2 ? (x => x) : 1 }) })";

      StreamReplay replay = f.replay("s-1", js);

      assertThat(replay.errors().values())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.version()).isEqualTo(2);
                assertThat(e.message())
                    .isEqualTo("the state holds a function at /f; a state must be JSON");
              });
      assertThat(Json.write(replay.stateAfter(1))).isEqualTo("{\"n\":1,\"f\":1}");
      assertThat(Json.write(replay.finalState())).isEqualTo("{\"n\":2,\"f\":1}");
    }
  }

  @Test
  @Timeout(20)
  void anEndlessInitIsAReducerErrorThatSaysSo() throws Exception {
    try (ReplayFixture f = new ReplayFixture(dir)) {
      f.event("s-1", 1, "X", "{}");
      assertThatThrownBy(
              () -> f.replay("s-1", "({ $init: () => { while (true) {} }, X: (s) => s })"))
          .isInstanceOf(ReducerException.class)
          .hasMessageContaining("$init ran longer than 300 ms and was stopped");
    }
  }

  @Test
  void aHandlerThatChangesItsEventChangesNothingStoredOrSeenLater() throws Exception {
    try (ReplayFixture f = new ReplayFixture(dir)) {
      f.event("s-1", 1, "Touch", "{\"n\":1}").event("s-1", 2, "Touch", "{\"n\":2}");
      String js =
          "({ $init: () => ({ seen: [] }),\n"
              + "  Touch: (s, e) => { const seen = [...s.seen, e.type + ':' + e.data.n];\n"
              + "    e.data.n = 99; e.type = 'Other'; e.data.extra = true; delete e.version;\n"
              + "    return { seen }; } })";

      StreamReplay replay = f.replay("s-1", js);

      assertThat(replay.errors()).isEmpty();
      assertThat(Json.write(replay.finalState())).isEqualTo("{\"seen\":[\"Touch:1\",\"Touch:2\"]}");
      // folded again from the start (a jump back and forth): the same
      assertThat(Json.write(replay.stateAfter(0))).isEqualTo("{\"seen\":[\"Touch:1\"]}");
      assertThat(Json.write(replay.stateAfter(1))).isEqualTo(Json.write(replay.finalState()));
      assertThat(replay.event(0).type()).isEqualTo("Touch");
      assertThat(Json.write(replay.event(0).data())).isEqualTo("{\"n\":1}");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "java.lang.System.exit(1)        | ReferenceError",
        "Packages.java.io.File           | ReferenceError",
        "load('/etc/passwd')             | ReferenceError",
        "readFile('/etc/passwd')         | ReferenceError",
        "java.lang.Runtime.getRuntime()  | ReferenceError",
        "this.constructor.constructor('return java')().lang | ReferenceError",
      })
  void theSandboxRefusesJavaFilesAndProcesses(String escape, String error) throws Exception {
    try (ReplayFixture f = new ReplayFixture(dir)) {
      f.event("s-1", 1, "Try", "{}");
      StreamReplay replay = f.replay("s-1", "({ Try: (s) => ({ got: String(" + escape + ") }) })");

      assertThat(replay.errors()).hasSize(1);
      assertThat(replay.errors().get(0).message()).contains(error);
      assertThat(Json.write(replay.finalState())).isEqualTo("{}");
    }
    assertThatThrownBy(() -> ReplayFixture.js(escape + ";\n({ X: (s) => s })"))
        .isInstanceOf(ReducerException.class)
        .hasMessageContaining(error);
  }

  @Test
  void rhinosSilentMiscompilationsAreRefusedWithTheLine() {
    assertThatThrownBy(
            () ->
                ReplayFixture.js(
                    "({ X: (s) => {\n  let t = 0;\n  for (let i = 0; i < 3; i++) {\n    const x = i * 10;\n    t += x;\n  }\n  return { t }; } })"))
        .isInstanceOf(ReducerException.class)
        .hasMessage(
            "test.js:4: `const` inside a loop is computed wrongly by the JavaScript engine (Rhino keeps"
                + " its first value); use `let` here, or loop with forEach/map");
    assertThatThrownBy(
            () ->
                ReplayFixture.js(
                    "({ X: (s) => {\n  const fs = [];\n  for (let i = 0; i < 3; i++) { fs.push(() => i); }\n  return { n: fs.length }; } })"))
        .isInstanceOf(ReducerException.class)
        .hasMessageStartingWith("test.js:3: a function made inside a `for (let …)` loop");
    assertThatThrownBy(
            () ->
                ReplayFixture.js(
                    "({ X: (s) => {\n  while (s.n < 3) { const y = 1; s.n += y; }\n  return s; } })"))
        .hasMessageStartingWith("test.js:2: `const` inside a loop");
  }

  @Test
  void whatRhinoComputesCorrectlyIsAccepted() throws Exception {
    try (ReplayFixture f = new ReplayFixture(dir)) {
      f.event("s-1", 1, "X", "{\"xs\":[1,2,3]}");
      String js =
          "({ X: (s, e) => {\n"
              + "  let t = 0;\n"
              + "  for (let i = 0; i < e.data.xs.length; i++) { let x = e.data.xs[i] * 10; t += x; }\n"
              + "  e.data.xs.forEach(x => { const y = x; t += y; });\n"
              + "  const doubled = e.data.xs.map(x => x * 2);\n"
              + "  for (let k of ['a', 'b']) { t += k.length; }\n"
              + "  return { t, doubled }; } })";
      assertThat(finalState(f, "s-1", js)).isEqualTo("{\"t\":68,\"doubled\":[2,4,6]}");
    }
  }

  @Test
  void unsupportedSyntaxAndBadFilesGetClearMessages(@TempDir Path folder) throws Exception {
    assertThatThrownBy(() -> ReplayFixture.js("({ X: (s, ...rest) => s })"))
        .hasMessageStartingWith("test.js:1: ")
        .hasMessageContaining("rest parameters are not supported");
    assertThatThrownBy(() -> ReplayFixture.js("class A {}\n({ X: (s) => s })"))
        .hasMessageContaining("`class` is not supported");
    assertThatThrownBy(() -> ReplayFixture.js("42"))
        .hasMessageStartingWith("test.js must evaluate to a reducer object");
    assertThatThrownBy(() -> ReplayFixture.js("({ name: 'empty' })"))
        .hasMessageStartingWith("test.js has no handlers");
    assertThatThrownBy(() -> ReplayFixture.js("({ streams: 'order-*', X: (s) => s })"))
        .hasMessage("test.js: streams must be an array of strings");
    assertThatThrownBy(() -> JsReducers.load(folder))
        .hasMessage("the reducer folder " + folder + " has no .js files");
    assertThatThrownBy(() -> JsReducers.load(folder.resolve("none.js")))
        .hasMessage("no such reducer file: " + folder.resolve("none.js"));
    assertThatThrownBy(() -> ReplayFixture.js("while (true) {}"))
        .hasMessage("test.js: ran longer than 300 ms and was stopped (an endless loop?)");
  }

  @Test
  void theEventLooksLikeTheEventsCommandPrintsIt() throws Exception {
    try (ReplayFixture f = new ReplayFixture(dir)) {
      f.event("s-1", 1, "X", "{\"a\":1}", "2024-05-01T10:00:00.120Z");
      String js =
          "({ X: (s, e) => ({ keys: Object.keys(e), ts: e.timestamp, meta: e.metadata }) })";
      assertThat(finalState(f, "s-1", js))
          .isEqualTo(
              "{\"keys\":[\"position\",\"stream\",\"version\",\"type\",\"revision\",\"timestamp\",\"data\",\"metadata\"],"
                  + "\"ts\":\"2024-05-01T10:00:00.120Z\",\"meta\":{}}");
    }
  }

  @Test
  void reducerFilesLoadInNameOrderFromAFolder() {
    List<Reducer> demo = JsReducers.load(Path.of("resources/reducers/synthetic")).reducers();
    assertThat(demo).extracting(Reducer::name).containsExactly("Order", "Shopping cart", "Account");
  }
}
