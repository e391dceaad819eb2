package io.cryptobot.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * The architecture as rules, parameterised by the root package so that each rule can also be run against the
 * deliberately broken fixture in {@code io.cryptobot.archfixture} (see ArchitectureRulesFailTest).
 *
 * <p>A "context" is the package segment after the root ({@code marketdata}, {@code order}, ...); contexts are
 * listed upstream first, and a context may depend only on itself and contexts listed before it. Inside a
 * context (or a sub-context such as {@code app.identity}), the layer is the package segment {@code domain},
 * {@code application} or {@code adapter}.
 */
final class ArchitectureRules {
    /** The context map, upstream first (../shared/ARCHITECTURE.md); {@code app} composes everything. */
    static final List<String> CONTEXT_ORDER = List.of(
            "kernel", "marketdata", "order", "exchange", "portfolio", "risk", "bot", "backtest", "app");

    /**
     * The one sanctioned exception to "other contexts only through ports": the trading session
     * ({@code bot.domain.session}) and the backtest engine around it exist to run the upstream contexts' own domain
     * code (strategy, fill model, order state machine, ledger, risk rules, the columnar candle series) in memory,
     * millions of candles a second, so that backtests, paper and live trading share one code path
     * (../shared/ARCHITECTURE.md). Their layers may therefore use these upstream domain packages (the results are
     * made of their types: orders, fills, trades, metrics, which their adapters persist and serve); the upstream
     * application services and adapters stay out of reach, and every other context keeps the strict rule.
     */
    static final Map<String, List<String>> SESSION_RUNS = Map.of(
            "bot", List.of("marketdata", "order", "exchange", "portfolio", "risk"),
            "backtest", List.of("marketdata", "order", "exchange", "portfolio", "risk", "bot"));

    private ArchitectureRules() {
    }

    /**
     * Whether {@code origin} belongs to a context that runs the trading session (bot, backtest) and
     * {@code targetPackage} to an upstream domain that session runs.
     */
    static boolean engineRunsUpstreamDomain(String root, JavaClass origin, String targetPackage) {
        String unit = unitOf(origin.getPackageName());
        if (!unit.startsWith(root + ".")) {
            return false;
        }
        List<String> runs = SESSION_RUNS.get(unit.substring(root.length() + 1));
        return runs != null && runs.stream().anyMatch(context -> targetPackage.startsWith(root + "." + context + ".domain"));
    }

    /** Domain code depends only on its own domain, the shared kernel's domain, the JDK and vavr. */
    static ArchRule domainIsPure(String root) {
        return classes().that().resideInAPackage(root + ".(**).domain..")
                .should(dependOnlyWhere("depend only on their own domain, the kernel domain, the JDK and vavr",
                        (origin, target) -> {
                            String pkg = target.getPackageName();
                            return pkg.startsWith("java.") || pkg.startsWith("io.vavr")
                                    || pkg.startsWith(root + ".kernel.domain")
                                    || pkg.startsWith(unitOf(origin.getPackageName()) + ".domain")
                                    || engineRunsUpstreamDomain(root, origin, pkg);
                        }))
                .as("domain packages depend only on their own domain, the kernel domain, the JDK and vavr");
    }

    /**
     * Layers point inward: domain knows no application or adapter; application knows no adapter, and of other
     * contexts only their published ports in ({@code application.port.in}) and events ({@code domain.event}).
     */
    static ArchRule applicationPointsInward(String root) {
        return classes().that().resideInAPackage(root + ".(**).application..")
                .should(dependOnlyWhere("depend on no adapter, and on other contexts only through their ports in and events",
                        (origin, target) -> {
                            String pkg = target.getPackageName();
                            if (!pkg.startsWith(root + ".")) {
                                return true;
                            }
                            if (pkg.contains(".adapter")) {
                                return false;
                            }
                            String unit = unitOf(origin.getPackageName());
                            String targetUnit = unitOf(pkg);
                            return targetUnit.equals(unit) || pkg.startsWith(root + ".kernel.domain")
                                    || pkg.startsWith(targetUnit + ".application.port.in")
                                    || pkg.startsWith(targetUnit + ".domain.event")
                                    || engineRunsUpstreamDomain(root, origin, pkg);
                        }))
                .as("application layers point inward and reach other contexts only through ports in and events");
    }

    /** Adapters do not call each other across contexts, nor reach into another context's domain internals. */
    static ArchRule adaptersStayInTheirContext(String root) {
        return classes().that().resideInAPackage(root + ".(**).adapter..")
                .should(dependOnlyWhere("use other contexts only through their application ports and events",
                        (origin, target) -> {
                            String pkg = target.getPackageName();
                            if (!pkg.startsWith(root + ".") || pkg.startsWith(root + ".kernel")) {
                                return true;
                            }
                            String targetUnit = unitOf(pkg);
                            return targetUnit.equals(unitOf(origin.getPackageName()))
                                    || pkg.startsWith(targetUnit + ".application.port")
                                    || pkg.startsWith(targetUnit + ".domain.event")
                                    || engineRunsUpstreamDomain(root, origin, pkg);
                        }))
                .as("adapters use other contexts only through their application ports and events");
    }

    /** Dependencies between contexts follow the context map: only towards contexts listed before. */
    static ArchRule contextMapDirections(String root) {
        return classes().that().resideInAPackage(root + "..")
                .should(dependOnlyWhere("depend only on their own or upstream contexts", (origin, target) -> {
                    Optional<Integer> from = rank(root, origin.getPackageName());
                    Optional<Integer> to = rank(root, target.getPackageName());
                    return from.isEmpty() || to.isEmpty() || to.get() <= from.get();
                }))
                .as("contexts depend only on contexts listed before them in the context map");
    }

    static ArchRule noCyclesBetweenContexts(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .as("no cycles between contexts");
    }

    static ArchRule entitiesOnlyInAdapters(String root) {
        return classes().that().resideInAPackage(root + "..")
                .and().areAnnotatedWith("jakarta.persistence.Entity")
                .or().haveSimpleNameEndingWith("Entity")
                .should().resideInAPackage(root + ".(**).adapter..")
                .allowEmptyShould(true)
                .as("persistence entities live only in adapters");
    }

    static ArchRule mappersOnlyInAdapters(String root) {
        return classes().that().resideInAPackage(root + "..")
                .and().areAnnotatedWith("org.mapstruct.Mapper")
                .should().resideInAPackage(root + ".(**).adapter..")
                .allowEmptyShould(true)
                .as("MapStruct mappers live only in adapters");
    }

    static List<ArchRule> all(String root) {
        return List.of(domainIsPure(root), applicationPointsInward(root), adaptersStayInTheirContext(root),
                contextMapDirections(root), noCyclesBetweenContexts(root), entitiesOnlyInAdapters(root),
                mappersOnlyInAdapters(root));
    }

    /** The package up to (not including) its layer segment: {@code io.cryptobot.app.identity}. */
    static String unitOf(String pkg) {
        for (String layer : List.of(".domain", ".application", ".adapter")) {
            int at = (pkg + ".").indexOf(layer + ".");
            if (at >= 0) {
                return pkg.substring(0, at);
            }
        }
        return pkg;
    }

    private static Optional<Integer> rank(String root, String pkg) {
        if (!pkg.startsWith(root + ".")) {
            return Optional.empty();
        }
        String rest = pkg.substring(root.length() + 1);
        String context = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
        int index = CONTEXT_ORDER.indexOf(context);
        return index < 0 ? Optional.empty() : Optional.of(index);
    }

    private static ArchCondition<JavaClass> dependOnlyWhere(String description,
                                                            BiPredicate<JavaClass, JavaClass> allowed) {
        return new ArchCondition<>(description) {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    if (target.isPrimitive() || target.equals(item)) {
                        continue;
                    }
                    if (!allowed.test(item, target)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
