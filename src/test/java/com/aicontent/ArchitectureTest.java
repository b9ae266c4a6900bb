package com.aicontent;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.ws.rs.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The boundaries of the code, checked on the compiled classes: features are packages with
 * boundary, control and entity inside; only the progress store touches Redis; the model clients
 * stand alone.
 */
@AnalyzeClasses(packages = "com.aicontent", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheProgressStoreTalksToRedis = noClasses()
            .that().resideOutsideOfPackage("com.aicontent.progress.control")
            .should().dependOnClassesThat().resideInAPackage("redis.clients..")
            .because("Redis keys, TTLs and scripts live in progress.control only");

    @ArchTest
    static final ArchRule theModelClientsDependOnNothingElseOfOurs = classes()
            .that().resideInAPackage("com.aicontent.ai..")
            .should().onlyDependOnClassesThat().resideOutsideOfPackage("com.aicontent..")
            .orShould().dependOnClassesThat().resideInAnyPackage("com.aicontent.ai..", "com.aicontent.language..")
            .because("any feature may use the model clients, and they know only the shared Language");

    @ArchTest
    static final ArchRule entitiesDependOnNoControlOrBoundary = noClasses()
            .that().resideInAPackage("..entity..")
            .should().dependOnClassesThat().resideInAnyPackage("..control..", "..boundary..");

    @ArchTest
    static final ArchRule controlDependsOnNoBoundary = noClasses()
            .that().resideInAPackage("..control..")
            .should().dependOnClassesThat().resideInAPackage("..boundary..");

    @ArchTest
    static final ArchRule monitoringSeesGenerationsThroughTheirBoundary = noClasses()
            .that().resideInAPackage("com.aicontent.monitoring..")
            .should().dependOnClassesThat().resideInAPackage("com.aicontent.generation.control..");

    @ArchTest
    static final ArchRule articlesDoNotDependOnTheModelsTypes = noClasses()
            .that().resideInAPackage("com.aicontent.content.entity..")
            .should().dependOnClassesThat().resideInAPackage("com.aicontent.ai..");

    @ArchTest
    static final ArchRule resourcesLiveInBoundaries = classes()
            .that().areAnnotatedWith(Path.class)
            .should().resideInAPackage("..boundary..");

    @ArchTest
    static final ArchRule noGrabBags = noClasses()
            .should().haveSimpleNameEndingWith("Impl")
            .orShould().haveSimpleNameEndingWith("Manager")
            .orShould().haveSimpleNameEndingWith("Helper")
            .orShould().resideInAnyPackage("..util..", "..utils..", "..helper..", "..common..");
}
