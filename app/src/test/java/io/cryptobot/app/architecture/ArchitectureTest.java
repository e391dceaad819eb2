package io.cryptobot.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules over the production code of every module. Plain {@code @Test} methods: ArchUnit's
 * own JUnit engine ran zero tests under JUnit 6 on these machines.
 */
class ArchitectureTest {
    private static final String ROOT = "io.cryptobot";
    static final ArchRule DOMAIN_IS_PURE = ArchitectureRules.domainIsPure(ROOT);
    static final ArchRule APPLICATION_POINTS_INWARD = ArchitectureRules.applicationPointsInward(ROOT);
    static final ArchRule ADAPTERS_STAY_IN_THEIR_CONTEXT = ArchitectureRules.adaptersStayInTheirContext(ROOT);
    static final ArchRule CONTEXT_MAP_DIRECTIONS = ArchitectureRules.contextMapDirections(ROOT);
    static final ArchRule NO_CYCLES_BETWEEN_CONTEXTS = ArchitectureRules.noCyclesBetweenContexts(ROOT);
    static final ArchRule ENTITIES_ONLY_IN_ADAPTERS = ArchitectureRules.entitiesOnlyInAdapters(ROOT);
    static final ArchRule MAPPERS_ONLY_IN_ADAPTERS = ArchitectureRules.mappersOnlyInAdapters(ROOT);
    static final ArchRule THREADS_COME_FROM_APP_THREADS = ArchitectureRules.threadsComeFromAppThreads(ROOT);

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // a module's test-jar (the exchange's fake venues) is on the app's test classpath as a jar when the
                // whole build runs, and as test-classes only in a partial one: neither is production code
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages(ROOT);
    }

    @Test
    void imports_classes_of_every_module_that_has_code() {
        assertThat(production.stream().map(c -> c.getPackageName()))
                .anyMatch(p -> p.startsWith("io.cryptobot.kernel."))
                .anyMatch(p -> p.startsWith("io.cryptobot.app."));
    }

    @Test
    void domain_packages_are_pure() {
        DOMAIN_IS_PURE.check(production);
    }

    @Test
    void application_layers_point_inward() {
        APPLICATION_POINTS_INWARD.check(production);
    }

    @Test
    void adapters_stay_in_their_context() {
        ADAPTERS_STAY_IN_THEIR_CONTEXT.check(production);
    }

    @Test
    void contexts_follow_the_context_map() {
        CONTEXT_MAP_DIRECTIONS.check(production);
    }

    @Test
    void contexts_are_free_of_cycles() {
        NO_CYCLES_BETWEEN_CONTEXTS.check(production);
    }

    @Test
    void persistence_entities_live_in_adapters() {
        ENTITIES_ONLY_IN_ADAPTERS.check(production);
    }

    @Test
    void mappers_live_in_adapters() {
        MAPPERS_ONLY_IN_ADAPTERS.check(production);
    }

    @Test
    void threads_are_made_through_app_threads() {
        THREADS_COME_FROM_APP_THREADS.check(production);
    }
}
