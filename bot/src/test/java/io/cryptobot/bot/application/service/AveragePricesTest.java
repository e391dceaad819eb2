package io.cryptobot.bot.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.market.VenueFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The venue's average price kept a second per instrument, a rate limit kept until its Retry-After. */
class AveragePricesTest {
    private static final InstrumentId BTC = InstrumentId.parse("BINANCE:BTC/USDT").get();
    private static final InstrumentId ETH = InstrumentId.parse("BINANCE:ETH/USDT").get();
    private final ScriptedVenue venue = new ScriptedVenue(Price.parse("100.00", 2).get());
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final AveragePrices averages = new AveragePrices(venue, () -> Instant.ofEpochMilli(now.get()),
            AveragePrices.KEPT);

    @Test
    void an_average_serves_the_orders_of_its_instrument_for_one_second_from_when_it_was_asked() {
        venue.average("100.00");
        assertThat(averages.average(BTC).get()).isEqualByComparingTo("100");
        venue.average("101.00");
        now.addAndGet(999);
        assertThat(averages.average(BTC).get()).as("kept").isEqualByComparingTo("100");
        assertThat(venue.averageReads.get()).isEqualTo(1);
        now.addAndGet(1);
        assertThat(averages.average(BTC).get()).as("a second old: asked again").isEqualByComparingTo("101");
        assertThat(venue.averageReads.get()).isEqualTo(2);
        assertThat(averages.average(ETH).isRight()).isTrue();
        assertThat(venue.averageReads.get()).as("each instrument its own").isEqualTo(3);
    }

    @Test
    void a_rate_limit_is_kept_until_its_retry_after_and_nothing_is_asked_meanwhile() {
        VenueFailure limited = new VenueFailure.RateLimited(Duration.ofSeconds(30), false);
        venue.averageFails(limited);
        assertThat(averages.average(BTC).getLeft()).isEqualTo(limited);
        venue.averageFails(null);
        now.addAndGet(29_999);
        assertThat(averages.average(BTC).getLeft()).as("no request before Retry-After").isEqualTo(limited);
        assertThat(venue.averageReads.get()).isEqualTo(1);
        now.addAndGet(1);
        assertThat(averages.average(BTC).isRight()).isTrue();
        assertThat(venue.averageReads.get()).isEqualTo(2);
    }

    @Test
    void another_failure_is_not_kept() {
        venue.averageFails(new VenueFailure.Unavailable("connection reset"));
        assertThat(averages.average(BTC).isLeft()).isTrue();
        venue.averageFails(null);
        assertThat(averages.average(BTC).isRight()).as("asked again at once").isTrue();
        assertThat(venue.averageReads.get()).isEqualTo(2);
    }

    @Test
    void concurrent_orders_of_one_instrument_share_one_request() throws Exception {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                all.add(threads.submit(() -> averages.average(BTC).get()));
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
        assertThat(venue.averageReads.get()).isEqualTo(1);
    }
}
