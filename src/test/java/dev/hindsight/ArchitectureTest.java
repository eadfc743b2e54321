package dev.hindsight;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hindsight");
  }

  @Test
  void coreNeverImportsJavaFx() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.hindsight.event..",
            "dev.hindsight.store..",
            "dev.hindsight.replay..",
            "dev.hindsight.audit..",
            "dev.hindsight.demo..",
            "dev.hindsight.tour..",
            "dev.hindsight.flow..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..", "atlantafx..", "org.kordamp.ikonli..")
        .because("the core runs headless in the CLI and in tests, and never starts the toolkit")
        .check(classes);
  }

  @Test
  void cliNeverImportsJavaFx() {
    noClasses()
        .that()
        .resideInAPackage("dev.hindsight.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..", "dev.hindsight.ui..")
        .because("CLI commands must not start JavaFX")
        .check(classes);
  }

  @Test
  void coreNeverDependsOnTheFaces() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.hindsight.event..", "dev.hindsight.store..", "dev.hindsight.flow..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.hindsight.cli..", "dev.hindsight.ui..")
        .because("the CLI and the window are two thin faces on one core, not the other way round")
        .check(classes);
  }

  @Test
  void theGenericStorePackageKnowsNoDatabase() {
    noClasses()
        .that()
        .resideInAPackage("dev.hindsight.store")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.sqlite..", "java.sql..", "dev.hindsight.store.sqlite..")
        .because("EventSource and Follower serve every store (SQLite now, PostgreSQL next)")
        .check(classes);
  }

  @Test
  void theTwoDatabasesShareTheirSqlOnlyThroughTheSqlPackage() {
    noClasses()
        .that()
        .resideInAPackage("dev.hindsight.store.postgres..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.hindsight.store.sqlite..")
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage("org.sqlite..")
        .because("what both databases need is in store.sql or store, not in the other's package")
        .check(classes);
    noClasses()
        .that()
        .resideInAnyPackage("dev.hindsight.store.sqlite..", "dev.hindsight.store.sql..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.hindsight.store.postgres..", "org.postgresql..")
        .because("what both databases need is in store.sql or store, not in the other's package")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("dev.hindsight.store.sql..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.hindsight.store.sqlite..", "org.sqlite..")
        .because("store.sql is the SQL a layout stands for in any database")
        .check(classes);
  }

  @Test
  void eventRecordsDependOnNothingElseOfOurs() {
    noClasses()
        .that()
        .resideInAPackage("dev.hindsight.event..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.hindsight.store..",
            "dev.hindsight.replay..",
            "dev.hindsight.audit..",
            "dev.hindsight.demo..",
            "dev.hindsight.tour..")
        .because("events are the vocabulary every layer speaks")
        .check(classes);
  }

  @Test
  void noPackageCycles() {
    slices()
        .matching("dev.hindsight.(**)")
        .should()
        .beFreeOfCycles()
        .because("cycles make layers impossible to test and change one at a time")
        .check(classes);
  }

  @Test
  void windowViewModelsNeverTouchNodesOrStages() {
    noClasses()
        .that()
        .resideInAPackage("dev.hindsight.ui..")
        .and(
            JavaClass.Predicates.simpleNameEndingWith("ViewModel")
                .or(JavaClass.Predicates.simpleName("WindowCommands"))
                .or(JavaClass.Predicates.simpleName("Presentation"))
                .or(JavaClass.Predicates.simpleName("ReducerStatus")))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..")
        .because(
            "the window's rules are tested without a toolkit; views build nodes and bind to them")
        .check(classes);
  }

  @Test
  void onlyTheWindowFactoryNamesAStoreImplementationInTheWindow() {
    noClasses()
        .that()
        .resideInAPackage("dev.hindsight.ui..")
        .and()
        .doNotHaveSimpleName("WindowFactory")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.hindsight.store.sqlite..", "dev.hindsight.store.postgres..")
        .because(
            "the window reads any EventSource, a file's or a server's; it opens them through"
                + " store.open.Stores")
        .check(classes);
  }

  @Test
  void theWindowsBackgroundWorkGoesThroughTheTaskRunner() {
    noClasses()
        .that()
        .resideInAPackage("dev.hindsight.ui..")
        .and()
        .doNotHaveSimpleName("FxTaskRunner")
        // it samples the FX thread's own stack while a pulse is late: it names that thread
        .and()
        .doNotHaveSimpleName("StallScenario")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.lang.Thread")
        .orShould()
        .dependOnClassesThat()
        .haveNameMatching(
            "java\\.util\\.(Timer|concurrent\\.(Executor.*|ScheduledExecutorService"
                + "|ThreadFactory|CompletableFuture|ForkJoinPool|ThreadPoolExecutor))")
        .orShould()
        .callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
        .because(
            "one runner owns the window's threads: cancellable, stopped with the window, and"
                + " replaced by a virtual clock in tests")
        .check(classes);
  }
}
