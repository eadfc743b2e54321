package dev.hindsight.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The window's structure: rules in view models, one factory naming a store, one task runner. */
class WindowArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hindsight.ui");
  }

  @Test
  void viewModelsNeverTouchNodesOrStages() {
    noClasses()
        .that()
        .haveSimpleNameEndingWith("ViewModel")
        .or()
        .haveSimpleName("WindowCommands")
        .or()
        .haveSimpleName("Presentation")
        .or()
        .haveSimpleName("ReducerStatus")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..")
        .because(
            "the window's rules are tested without a toolkit; views build nodes and bind to them")
        .check(classes);
  }

  @Test
  void onlyTheWindowFactoryNamesAStoreImplementation() {
    noClasses()
        .that()
        .doNotHaveSimpleName("WindowFactory")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.hindsight.store.sqlite..")
        .because(
            "the window reads any EventSource (a PostgreSQL one next); one factory chooses which")
        .check(classes);
  }

  @Test
  void backgroundWorkGoesThroughTheTaskRunner() {
    noClasses()
        .that()
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
