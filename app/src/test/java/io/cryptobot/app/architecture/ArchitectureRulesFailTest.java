package io.cryptobot.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every architecture rule fails on the deliberately broken fixture, naming the offending class. */
class ArchitectureRulesFailTest {
    private static final String FIXTURE = "io.cryptobot.archfixture";
    private static JavaClasses fixture;

    @BeforeAll
    static void importFixture() {
        fixture = new ClassFileImporter().importPackages(FIXTURE);
    }

    @Test
    void domain_purity_catches_a_domain_class_using_jax_rs() {
        assertViolation(ArchitectureRules.domainIsPure(FIXTURE), "RestAwareCandle", "jakarta.ws.rs.core.Response");
    }

    @Test
    void inward_layers_catch_an_application_service_calling_its_adapter() {
        assertViolation(ArchitectureRules.applicationPointsInward(FIXTURE), "ImportService", "CandleStoreAdapter");
    }

    @Test
    void inward_layers_catch_an_application_service_reaching_into_another_context_domain() {
        assertViolation(ArchitectureRules.applicationPointsInward(FIXTURE), "OrderService", "marketdata.domain.Instrument");
    }

    @Test
    void adapter_rule_catches_an_adapter_calling_another_context_adapter() {
        assertViolation(ArchitectureRules.adaptersStayInTheirContext(FIXTURE), "OrderResource", "CandleStoreAdapter");
    }

    @Test
    void context_map_catches_an_upstream_context_depending_on_a_downstream_one() {
        assertViolation(ArchitectureRules.contextMapDirections(FIXTURE), "KnowsOrders", "order.domain.Order");
    }

    @Test
    void cycle_rule_catches_two_contexts_depending_on_each_other() {
        assertViolation(ArchitectureRules.noCyclesBetweenContexts(FIXTURE), "KnowsOrders", "OrderService");
    }

    @Test
    void entity_rule_catches_an_entity_outside_adapters() {
        assertViolation(ArchitectureRules.entitiesOnlyInAdapters(FIXTURE), "CandleEntity", "adapter");
    }

    @Test
    void mapper_rule_catches_a_mapper_outside_adapters() {
        assertViolation(ArchitectureRules.mappersOnlyInAdapters(FIXTURE), "CandleMapper", "adapter");
    }

    @Test
    void the_backtest_engine_may_run_upstream_domain_code_but_not_call_upstream_services() {
        String report = ArchitectureRules.domainIsPure(FIXTURE).evaluate(fixture).getFailureReport().toString();
        assertThat(report).contains("Engine").contains("order.application.OrderService")
                .doesNotContain("has parameter of type <" + FIXTURE + ".order.domain.Order> in (Engine.java");
    }

    @Test
    void the_session_may_run_the_order_domain_but_not_use_an_upstream_domain_it_is_not_granted() {
        String report = ArchitectureRules.domainIsPure(FIXTURE).evaluate(fixture).getFailureReport().toString();
        assertThat(report).contains("has parameter of type <" + FIXTURE + ".marketdata.domain.CandleSeries> in (Session.java")
                .doesNotContain("has parameter of type <" + FIXTURE + ".order.domain.Order> in (Session.java");
    }

    @Test
    void a_bot_domain_package_outside_the_exception_may_not_use_an_upstream_domain() {
        String report = ArchitectureRules.domainIsPure(FIXTURE).evaluate(fixture).getFailureReport().toString();
        assertThat(report).contains("has parameter of type <" + FIXTURE + ".order.domain.Order> in (Greedy.java");
    }

    @Test
    void a_bot_application_class_outside_the_exception_may_not_use_an_upstream_domain() {
        String report = ArchitectureRules.applicationPointsInward(FIXTURE).evaluate(fixture).getFailureReport()
                .toString();
        assertThat(report).contains("has parameter of type <" + FIXTURE + ".order.domain.Order> in (BotQueries.java");
    }

    @Test
    void thread_rule_catches_a_pool_and_a_common_pool_task_made_outside_app_threads() {
        assertViolation(ArchitectureRules.threadsComeFromAppThreads(FIXTURE), "TickerThread",
                "newSingleThreadScheduledExecutor");
        assertViolation(ArchitectureRules.threadsComeFromAppThreads(FIXTURE), "TickerThread", "runAsync");
        assertViolation(ArchitectureRules.threadsComeFromAppThreads(FIXTURE), "TickerThread", "Thread.<init>");
    }

    @Test
    void thread_rule_lets_an_executor_made_with_a_thread_factory_pass() {
        String report = ArchitectureRules.threadsComeFromAppThreads(FIXTURE).evaluate(fixture).getFailureReport()
                .toString();
        assertThat(report).doesNotContain("newFixedThreadPool");
    }

    @Test
    void allowed_dependencies_are_not_reported() {
        String report = ArchitectureRules.domainIsPure(FIXTURE).evaluate(fixture).getFailureReport().toString();
        assertThat(report).doesNotContain("Instrument.tick").doesNotContain("<" + FIXTURE + ".marketdata.domain.Instrument>");
    }

    private static void assertViolation(ArchRule rule, String offender, String detail) {
        EvaluationResult result = rule.evaluate(fixture);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        assertThat(result.getFailureReport().toString()).contains(offender).contains(detail);
    }
}
