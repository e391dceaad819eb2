package io.cryptobot.app.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

class IdentityArchitectureTest {
    private static final JavaClasses IDENTITY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.cryptobot.app.identity");

    static final ArchRule domain_is_plain_java_and_vavr = classes()
            .that().resideInAPackage("..identity.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "..identity.domain..", "io.cryptobot.kernel.domain..", "io.vavr..", "java..");

    static final ArchRule application_does_not_know_adapters = noClasses()
            .that().resideInAPackage("..identity.application..")
            .should().dependOnClassesThat().resideInAnyPackage("..identity.adapter..", "io.quarkus..",
                    "org.hibernate..", "io.vertx..", "jakarta.persistence..", "jakarta.ws.rs..");

    static final ArchRule entities_stay_in_the_persistence_adapter = classes()
            .that().haveSimpleNameEndingWith("Entity")
            .should().onlyBeAccessed().byClassesThat().resideInAPackage("..identity.adapter.out.persistence..");

    @Test
    void domain_is_pure() {
        domain_is_plain_java_and_vavr.check(IDENTITY);
    }

    @Test
    void application_is_framework_free_apart_from_cdi_and_mutiny() {
        application_does_not_know_adapters.check(IDENTITY);
    }

    @Test
    void entities_never_leave_the_adapter() {
        entities_stay_in_the_persistence_adapter.check(IDENTITY);
    }
}
