package io.mocplatform.testkit.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape every function module shares, as one rule set: a {@code domain} that knows no framework, SDK, HTTP or
 * JSON; an {@code api} (the Lambda entry points, controllers, message consumers) and {@code adapters} (one
 * sub-package per outside system) that depend on the domain and never on each other; {@code config} that wires
 * them. Adapters stay package-private, so the domain's ports are the only way in.
 *
 * <p>It also holds the naming table (see docs/architecture.md): {@code *Configuration}, {@code *Factory},
 * {@code *Exception}, {@code *ProblemHandler}, {@code *Handler}, {@code *Controller}, {@code *View},
 * {@code *Consumer}.
 *
 * <pre>HexagonalArchitecture.of("io.mocplatform.jobapi").check();</pre>
 */
public final class HexagonalArchitecture {

    /** What a domain never uses, in any module. */
    private static final List<String> FRAMEWORKS = List.of("software.amazon..", "com.amazonaws..", "io.micronaut..",
            "jakarta..", "com.fasterxml..", "java.net.http..", "io.mocplatform.api..", "io.mocplatform.function..",
            "io.mocplatform.jobstore.dynamodb..");

    private final String root;
    private final List<String> domainAlsoFreeOf;

    private HexagonalArchitecture(String root, List<String> domainAlsoFreeOf) {
        this.root = Objects.requireNonNull(root, "root");
        this.domainAlsoFreeOf = List.copyOf(domainAlsoFreeOf);
    }

    /** The module whose classes live under {@code rootPackage} (its {@code domain}, {@code api}, ...). */
    public static HexagonalArchitecture of(String rootPackage) {
        return new HexagonalArchitecture(rootPackage, List.of());
    }

    /** Libraries only this module uses, which its domain must not know either (e.g. a PDF library). */
    public HexagonalArchitecture withDomainAlsoFreeOf(String... packages) {
        List<String> all = new ArrayList<>(domainAlsoFreeOf);
        all.addAll(List.of(packages));
        return new HexagonalArchitecture(root, all);
    }

    /** Checks the module's compiled production classes ({@code target/classes}, the test's working directory). */
    public void check() {
        Path compiled = Path.of("target", "classes");
        if (!Files.isDirectory(compiled.resolve(root.replace('.', '/')))) {
            throw new IllegalStateException("no compiled classes of " + root + " under " + compiled.toAbsolutePath());
        }
        // Only this module's classes: scanning the whole classpath for the package costs tens of seconds.
        check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(compiled));
    }

    /** Evaluates every rule, then fails once, naming each broken rule with its violations. */
    public void check(JavaClasses classes) {
        String failures = rules().stream().map(rule -> rule.evaluate(classes))
                .filter(EvaluationResult::hasViolation)
                .map(result -> result.getFailureReport().toString())
                .collect(Collectors.joining("\n\n"));
        if (!failures.isEmpty()) {
            throw new AssertionError("the module breaks the shared architecture rules:\n" + failures);
        }
    }

    /** The layer rules, then the naming table. */
    public List<ArchRule> rules() {
        List<ArchRule> rules = new ArrayList<>(layers());
        rules.addAll(naming());
        return rules.stream().map(rule -> rule.allowEmptyShould(true)).toList();
    }

    private List<ArchRule> layers() {
        List<String> domainFreeOf = new ArrayList<>(FRAMEWORKS);
        domainFreeOf.addAll(domainAlsoFreeOf);
        String domain = root + ".domain..";
        String api = root + ".api..";
        String adapters = root + ".adapters..";
        return List.of(
                noClasses().that().resideInAPackage(domain).should().dependOnClassesThat()
                        .resideInAnyPackage(domainFreeOf.toArray(String[]::new))
                        .because("the domain is plain Java: frameworks, SDKs and wire formats stay outside it"),
                noClasses().that().resideInAPackage(domain).should().dependOnClassesThat(
                        resideInAPackage(root + "..").and(DescribedPredicate.not(resideInAPackage(domain))))
                        .because("dependencies point inward: the domain knows no api, adapter or config"),
                noClasses().that().resideInAPackage(api).should().dependOnClassesThat()
                        .resideInAnyPackage(adapters, "software.amazon.awssdk.services..")
                        .because("the api reaches the outside world only through the domain's ports"),
                noClasses().that().resideInAPackage(adapters).should().dependOnClassesThat()
                        .resideInAPackage(api)
                        .because("adapters serve the domain, not the api"),
                slices().matching(root + ".adapters.(*)..").should().notDependOnEachOther()
                        .because("each adapter talks to one outside system and knows no other adapter"),
                classes().that().resideInAPackage(adapters).and().areTopLevelClasses()
                        .and().areNotInterfaces()
                        .and().haveSimpleNameNotEndingWith("Configuration")
                        // Micronaut's generated bean definitions and introspections are public by necessity.
                        .and().haveNameNotMatching(".*\\.\\$.*")
                        .should().notBePublic()
                        .because("the domain's ports are the only way into an adapter"));
    }

    private List<ArchRule> naming() {
        return List.of(
                classes().that().areAnnotatedWith("io.micronaut.context.annotation.ConfigurationProperties")
                        .and().areTopLevelClasses()
                        .should().haveSimpleNameEndingWith("Configuration"),
                classes().that().areAnnotatedWith("io.micronaut.context.annotation.Factory")
                        .should().haveSimpleNameEndingWith("Factory"),
                classes().that().areAssignableTo(Throwable.class)
                        .should().haveSimpleNameEndingWith("Exception"),
                classes().that().areAssignableTo("io.micronaut.http.server.exceptions.ExceptionHandler")
                        .and().haveNameNotMatching(".*\\.\\$.*")
                        .should().haveSimpleNameEndingWith("ProblemHandler")
                        .because("an exception handler turns a failure into an application/problem+json answer"),
                classes().that().areAssignableTo("com.amazonaws.services.lambda.runtime.RequestHandler")
                        .or().areAssignableTo("com.amazonaws.services.lambda.runtime.RequestStreamHandler")
                        .should().haveSimpleNameEndingWith("Handler").andShould().resideInAPackage(root + ".api"),
                classes().that().areAnnotatedWith("io.micronaut.http.annotation.Controller")
                        .should().haveSimpleNameEndingWith("Controller"),
                classes().that().resideInAPackage(root + ".api..").and().areRecords()
                        .and().areTopLevelClasses().and().areAnnotatedWith("io.micronaut.serde.annotation.Serdeable")
                        .should().haveSimpleNameEndingWith("View")
                        .because("a body the api sends is a view of the domain"),
                classes().that(are(consumingSqsMessages())).should().haveSimpleNameEndingWith("Consumer"));
    }

    /** Classes that settle one SQS message of a batch: a method answering a {@code SqsBatch.Outcome}. */
    private static DescribedPredicate<JavaClass> consumingSqsMessages() {
        return DescribedPredicate.describe("settle SQS messages (a method returning SqsBatch.Outcome)",
                javaClass -> javaClass.getMethods().stream().map(JavaMethod::getRawReturnType)
                        .anyMatch(type -> type.getName().equals("io.mocplatform.function.sqs.SqsBatch$Outcome")));
    }
}
