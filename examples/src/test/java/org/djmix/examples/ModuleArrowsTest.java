package org.djmix.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module arrows of docs/design.md on the compiled classes: examples → tasks → {vqvae,
 * corruptions} → core → image, corruptions → image, and nothing points back up.
 */
class ModuleArrowsTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.djmix");
    }

    @Test
    void everyModuleDependsOnlyOnTheModulesBelowIt() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("examples")
                .definedBy("org.djmix.examples..")
                .layer("tasks")
                .definedBy("org.djmix.tasks..")
                .layer("vqvae")
                .definedBy("org.djmix.vqvae..")
                .layer("corruptions")
                .definedBy("org.djmix.corruptions..")
                .layer("core")
                .definedBy("org.djmix.core..", "org.djmix.augment..")
                .layer("image")
                .definedBy("org.djmix.image..", "org.djmix.io..")
                .whereLayer("examples")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("tasks")
                .mayOnlyBeAccessedByLayers("examples")
                .whereLayer("vqvae")
                .mayOnlyBeAccessedByLayers("tasks", "examples")
                .whereLayer("corruptions")
                .mayOnlyBeAccessedByLayers("tasks", "examples")
                .whereLayer("core")
                .mayOnlyBeAccessedByLayers("vqvae", "tasks", "examples")
                .whereLayer("image")
                .mayOnlyBeAccessedByLayers("core", "vqvae", "corruptions", "tasks", "examples")
                .check(classes);
    }

    @Test
    void imageAndCorruptionsArePureJdk() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.djmix.image..", "org.djmix.io..", "org.djmix.corruptions..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("ai.djl..", "com.google.gson..", "org.slf4j..", "com.sun.jna..")
                .check(classes);
    }
}
