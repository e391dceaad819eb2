package io.cryptobot.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.marketdata.application.port.in.LatestPriceQuery;
import io.cryptobot.marketdata.application.port.in.LoadCandlesQuery;
import io.cryptobot.marketdata.application.port.in.SeedSyntheticDataUseCase;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Beans declared in other modules' jars are discovered (each module ships a Jandex index, see the
 * jandex-maven-plugin in every module pom) and wired into the application.
 */
@QuarkusTest
class BeanDiscoveryTest {

    @Inject
    LoadCandlesQuery loadCandles;

    @Inject
    LatestPriceQuery latestPrice;

    @Test
    void injects_use_cases_implemented_in_the_marketdata_module() {
        assertThat(loadCandles).isNotNull();
        assertThat(latestPrice).isNotNull();
        assertThat(Arc.container().select(SeedSyntheticDataUseCase.class).isResolvable()).isTrue();
    }

    @Test
    void every_context_module_ships_a_jandex_index() {
        for (String module : new String[] {"kernel.domain.Candle", "marketdata.domain.Instrument",
                "order.domain.Order", "bot.domain.indicator.Indicator"}) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            String resource = ("io/cryptobot/" + module).replace('.', '/') + ".class";
            assertThat(loader.getResource(resource)).as(resource).isNotNull();
        }
        assertThat(Thread.currentThread().getContextClassLoader().resources("META-INF/jandex.idx").count())
                .isGreaterThanOrEqualTo(4);
    }
}
