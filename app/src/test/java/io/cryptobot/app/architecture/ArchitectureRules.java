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
     * The sanctioned exceptions to "other contexts only through ports", package by package: only the package
     * named (exactly, not its sub-packages) may use the upstream domain packages listed (with their
     * sub-packages), for the reason given; every other package keeps the strict rule, and the upstream
     * application services and adapters stay out of reach of all. The first two are the reason the exception
     * exists: the trading session and the backtest engine run the upstream contexts' own domain code (fill model,
     * order state machine, ledger, risk rules, the columnar candle series) in memory, millions of candles a second,
     * so that backtests, paper and live trading share one code path (../shared/ARCHITECTURE.md). The others carry
     * what the session takes in or gives out (its results are orders, fills, positions, trades, metrics; a bot is
     * configured with risk limits and venue costs) to and from their ports, stores and REST resources: each is a
     * candidate for a published type of the upstream context, and the list shrinks as they move.
     */
    static final List<UpstreamDomainUse> UPSTREAM_DOMAIN_USES = List.of(
            new UpstreamDomainUse("bot.domain.session",
                    List.of("order.domain", "exchange.domain", "portfolio.domain", "risk.domain"),
                    "the trading session runs the order state machine, the venue and fill model, the ledger and"
                            + " the risk rules"),
            new UpstreamDomainUse("backtest.domain.engine", List.of("marketdata.domain", "order.domain",
                    "exchange.domain", "portfolio.domain", "risk.domain", "bot.domain"),
                    "the backtest engine drives the session and the strategy over the columnar candle series and"
                            + " gathers the session's results"),
            new UpstreamDomainUse("bot.domain.bot", List.of("order.domain", "exchange.domain.fill", "risk.domain"),
                    "a bot is configured with risk limits and venue costs, and its journaled controls carry hand"
                            + " orders and trading states"),
            new UpstreamDomainUse("bot.application.port.in", List.of("order.domain", "portfolio.domain",
                    "risk.domain"), "the bot's use cases take hand orders and risk limits and answer with the"
                            + " session's positions, trades, metrics, order statuses and block events"),
            new UpstreamDomainUse("bot.application.port.out", List.of("portfolio.domain.metrics"),
                    "a bot's equity series is stored"),
            new UpstreamDomainUse("bot.application.service", List.of("marketdata.domain", "order.domain",
                    "exchange.domain", "portfolio.domain", "risk.domain"),
                    "the bot runner builds, feeds (candle replay) and journals live sessions; the bot service"
                            + " resolves the bot's account and market rules and reads its ledger"),
            new UpstreamDomainUse("bot.adapter.in.rest", List.of("exchange.domain.fill", "portfolio.domain",
                    "risk.domain"), "bot requests and responses map risk limits, costs, positions, trades and metrics"),
            new UpstreamDomainUse("bot.adapter.out.persistence", List.of("order.domain", "exchange.domain.fill",
                    "portfolio.domain.metrics", "risk.domain"), "the bot store persists what the session journals"),
            new UpstreamDomainUse("bot.adapter.out.venue", List.of("order.domain"),
                    "the paper venue adapter hands orders to a live session"),
            new UpstreamDomainUse("backtest.domain", List.of("bot.domain.strategy", "bot.domain.session",
                    "exchange.domain.fill", "marketdata.domain", "portfolio.domain", "risk.domain"),
                    "a backtest's config names a strategy, costs, limits and a candle source; its report is made of"
                            + " the session's trades, metrics and ignored signals"),
            new UpstreamDomainUse("backtest.domain.sweep", List.of("bot.domain.strategy",
                    "portfolio.domain.metrics"), "a sweep walks a strategy's parameter space, ranked by metrics"),
            new UpstreamDomainUse("backtest.application.port.in", List.of("portfolio.domain.metrics"),
                    "a backtest's equity series is a result"),
            new UpstreamDomainUse("backtest.application.port.out", List.of("portfolio.domain.metrics"),
                    "a backtest's equity series is stored"),
            new UpstreamDomainUse("backtest.application.service", List.of("bot.domain.strategy",
                    "exchange.domain.fill", "marketdata.domain", "portfolio.domain.metrics"),
                    "a run loads the candle series and market rules, builds the strategy and computes the metrics"),
            new UpstreamDomainUse("backtest.adapter.in.rest", List.of("exchange.domain.fill",
                    "portfolio.domain.metrics", "risk.domain", "bot.domain.strategy"),
                    "backtest requests and responses map costs, limits, the entry sizing, equity and metrics"),
            new UpstreamDomainUse("backtest.adapter.out.persistence", List.of("bot.domain.session", "order.domain",
                    "exchange.domain.fill", "portfolio.domain", "risk.domain", "bot.domain.strategy"),
                    "the backtest store persists the run's config (its entry sizing too) and the session's orders, "
                            + "fills and trades"));

    /**
     * {@code pkg} (relative to the root) may use the domain packages {@code upstream} (relative to the root,
     * sub-packages included), because {@code why}.
     */
    record UpstreamDomainUse(String pkg, List<String> upstream, String why) {
    }

    private ArchitectureRules() {
    }

    /** Whether {@code origin}'s package is listed in {@link #UPSTREAM_DOMAIN_USES} for {@code targetPackage}. */
    static boolean mayUseUpstreamDomain(String root, JavaClass origin, String targetPackage) {
        for (UpstreamDomainUse use : UPSTREAM_DOMAIN_USES) {
            if (origin.getPackageName().equals(root + "." + use.pkg()) && use.upstream().stream()
                    .anyMatch(allowed -> (targetPackage + ".").startsWith(root + "." + allowed + "."))) {
                return true;
            }
        }
        return false;
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
                                    || mayUseUpstreamDomain(root, origin, pkg);
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
                                    || mayUseUpstreamDomain(root, origin, pkg);
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
                                    || mayUseUpstreamDomain(root, origin, pkg);
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
                mappersOnlyInAdapters(root), threadsComeFromAppThreads(root));
    }

    /**
     * Threads are made only by the kernel's {@code AppThreads}, which gives each the application's context class
     * loader: a thread made elsewhere inherits its creator's, and a pool's threads are made on whichever thread
     * first hands it a task (a JDK HttpClient's, a common-pool one: the system loader, which in the packaged
     * application sees none of the application's classes, so CDI and configuration fail there). So no thread
     * constructor, no {@code Thread.Builder} factory or start, no {@code Executors} factory without a
     * {@code ThreadFactory}, no HttpClient without {@code AppThreads}' executor, no common pool (an
     * {@code ...Async} without an executor, a parallel stream).
     */
    static ArchRule threadsComeFromAppThreads(String root) {
        return classes().that().resideInAPackage(root + "..").and().doNotHaveSimpleName("AppThreads")
                .should(new ArchCondition<JavaClass>("make threads only through AppThreads") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        for (var call : item.getConstructorCallsFromSelf()) {
                            if (call.getTargetOwner().isAssignableTo(Thread.class)) {
                                events.add(SimpleConditionEvent.violated(call, call.getDescription()));
                            }
                        }
                        for (var call : item.getMethodCallsFromSelf()) {
                            if (makesAThread(call.getTargetOwner().getName(), call.getName(),
                                    call.getTarget().getRawParameterTypes().stream().map(JavaClass::getName)
                                            .toList())) {
                                events.add(SimpleConditionEvent.violated(call, call.getDescription()));
                            }
                        }
                    }
                })
                .as("threads are made only through AppThreads (the application's context class loader)");
    }

    private static boolean makesAThread(String owner, String method, List<String> parameters) {
        boolean withExecutor = parameters.contains("java.util.concurrent.Executor");
        return switch (owner) {
            case "java.lang.Thread" -> method.equals("startVirtualThread");
            case "java.lang.Thread$Builder", "java.lang.Thread$Builder$OfVirtual",
                 "java.lang.Thread$Builder$OfPlatform" ->
                    method.equals("factory") || method.equals("start") || method.equals("unstarted");
            case "java.util.concurrent.Executors" -> method.startsWith("new")
                    && !parameters.contains("java.util.concurrent.ThreadFactory");
            case "java.net.http.HttpClient" -> method.equals("newBuilder") || method.equals("newHttpClient");
            case "java.util.concurrent.CompletableFuture" ->
                    (method.endsWith("Async") || method.equals("delayedExecutor")) && !withExecutor;
            case "java.util.concurrent.ForkJoinPool" -> method.equals("commonPool");
            case "java.util.Collection", "java.util.List", "java.util.Set" -> method.equals("parallelStream");
            default -> method.equals("parallel") && owner.startsWith("java.util.stream.");
        };
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
