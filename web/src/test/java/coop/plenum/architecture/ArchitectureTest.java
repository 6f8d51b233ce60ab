package coop.plenum.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** DESIGN.md's boundaries, checked on every build. */
@AnalyzeClasses(packages = "coop.plenum", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule aggregatesAndDomainRulesKnowNoWebAndNoMongo = noClasses()
            .that().resideInAnyPackage("..command..", "..tally..", "..voting..", "coop.plenum.kernel..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..",
                    "com.mongodb..", "org.springframework.data.mongodb..", "org.bson..", "reactor..");

    @ArchTest
    static final ArchRule theApiAndTheWebNeverReachIntoCommandInternals = noClasses()
            .that().resideInAnyPackage("coop.plenum.api..", "coop.plenum.web..")
            .should().dependOnClassesThat().resideInAPackage("coop.plenum..command..");

    @ArchTest
    static final ArchRule theLedgerKnowsNothingOfGovernance = noClasses()
            .that().resideInAnyPackage("coop.plenum.ledger..", "coop.plenum.kernel..")
            .should().dependOnClassesThat().resideInAnyPackage("coop.plenum.governance..", "coop.plenum.api..", "coop.plenum.web..");

    @ArchTest
    static final ArchRule theSharedKernelIsPlainJava = noClasses()
            .that().resideInAPackage("coop.plenum.kernel..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..");

    @ArchTest
    static final ArchRule theCoreKnowsNothingOfHttp = noClasses()
            .that().resideInAPackage("coop.plenum.governance..")
            .should().dependOnClassesThat().resideInAnyPackage("coop.plenum.api..", "coop.plenum.web..",
                    "org.springframework.web..", "org.springframework.security..");

    /** Each package is a slice: a change to one never has to ripple back through a package it depends on. */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("coop.plenum.(**)").should().beFreeOfCycles();

    /** The offline audit verifier runs the same voting core as the server, so the core needs no framework and no store. */
    @ArchTest
    static final ArchRule theVotingCoreAndItsValuesArePlainJava = noClasses()
            .that().resideInAnyPackage("coop.plenum.governance.voting..", "coop.plenum.governance.tally..",
                    "coop.plenum.governance.charter..", "coop.plenum.governance.ids..",
                    "coop.plenum.governance.election..", "coop.plenum.governance.budget..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                    "com.mongodb..", "org.bson..", "reactor..");

    @ArchTest
    static final ArchRule readModelDocumentsStayInsideTheirProjection = classes()
            .that().areAnnotatedWith(org.springframework.data.mongodb.core.mapping.Document.class)
            .should().notBePublic().andShould().resideInAPackage("..query..");

    @ArchTest
    static final ArchRule commandsAndEventsAreRecords = classes()
            .that().resideInAnyPackage("coop.plenum.governance.account", "coop.plenum.governance.cooperative",
                    "coop.plenum.governance.membership", "coop.plenum.governance.ids")
            .and().areNotEnums().and().areNotInterfaces().and().haveSimpleNameNotEndingWith("Rules")
            .should().beRecords();
}
