package io.cryptobot.bot.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.marketdata.application.port.in.FeedStatus;
import io.cryptobot.marketdata.application.port.in.LiveCandle;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LiveFeedInboxTest {
    private static final InstrumentId BTC = InstrumentId.parse("SIM:BTC/USDT").get();
    private final ExecutorService workers = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @Test
    void the_launch_takes_items_one_by_one_and_one_it_puts_back_is_the_first_one_drained() throws Exception {
        LiveFeedInbox inbox = new LiveFeedInbox();
        inbox.onCandle(candle(0));
        inbox.onStatus(status());
        inbox.onCandle(candle(1));
        assertThat(inbox.noCandleQueued()).isFalse();

        LiveFeedInbox.Item first = inbox.next(100);
        LiveFeedInbox.Item second = inbox.next(100);
        LiveFeedInbox.Item third = inbox.next(100);
        assertThat(inbox.noCandleQueued()).isTrue();
        assertThat(inbox.next(10)).as("none came").isNull();
        inbox.putBack(third);
        assertThat(inbox.noCandleQueued()).isFalse();

        List<LiveFeedInbox.Item> handled = new CopyOnWriteArrayList<>();
        CountDownLatch two = new CountDownLatch(2);
        inbox.drainOn(workers, item -> {
            handled.add(item);
            two.countDown();
            return 0;
        });
        inbox.onCandle(candle(2));
        assertThat(two.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(first).isInstanceOf(LiveFeedInbox.Closed.class);
        assertThat(second).isInstanceOf(LiveFeedInbox.Status.class);
        assertThat(handled).extracting(item -> ((LiveFeedInbox.Closed) item).candle().openTime())
                .containsExactly(60_000L, 120_000L);
        assertThat(inbox.noCandleQueued()).isTrue();
    }

    @Test
    void items_are_handled_one_at_a_time_in_order_and_a_wait_delays_the_next_without_reordering() throws Exception {
        LiveFeedInbox inbox = new LiveFeedInbox();
        for (int i = 0; i < 200; i++) {
            inbox.onCandle(candle(i));
        }
        List<Long> handled = new CopyOnWriteArrayList<>();
        int[] running = new int[1];
        boolean[] overlapped = new boolean[1];
        CountDownLatch all = new CountDownLatch(300);
        long[] resumedAt = new long[1];
        long[] waitedAt = new long[1];
        inbox.drainOn(workers, item -> {
            synchronized (running) {
                overlapped[0] |= ++running[0] > 1;
            }
            long time = ((LiveFeedInbox.Closed) item).candle().openTime();
            if (time == 100 * 60_000L) {
                resumedAt[0] = System.nanoTime();
            }
            handled.add(time);
            synchronized (running) {
                running[0]--;
            }
            all.countDown();
            if (time == 99 * 60_000L) {
                waitedAt[0] = System.nanoTime();
                return 200;
            }
            return 0;
        });
        for (int i = 200; i < 300; i++) {
            inbox.onCandle(candle(i));
        }

        assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(handled).hasSize(300);
        for (int i = 0; i < 300; i++) {
            assertThat(handled.get(i)).isEqualTo(i * 60_000L);
        }
        assertThat(overlapped[0]).as("never two items at once").isFalse();
        assertThat(TimeUnit.NANOSECONDS.toMillis(resumedAt[0] - waitedAt[0])).isGreaterThanOrEqualTo(190);
    }

    @Test
    void a_closed_inbox_queues_and_handles_nothing_more() throws Exception {
        LiveFeedInbox inbox = new LiveFeedInbox();
        List<LiveFeedInbox.Item> handled = new CopyOnWriteArrayList<>();
        inbox.drainOn(workers, item -> {
            handled.add(item);
            return 0;
        });
        inbox.close();
        inbox.onCandle(candle(0));
        inbox.recheck();
        Thread.sleep(100);
        assertThat(handled).isEmpty();
        assertThat(inbox.next(10)).isNull();
    }

    private static LiveCandle candle(int minute) {
        Price price = new Price(100, 0);
        return new LiveCandle(BTC, Timeframe.M1, new Candle(minute * 60_000L, price, price, price, price,
                new Quantity(1, 0)), LiveCandle.Source.LIVE, false, 0);
    }

    private static FeedStatus status() {
        return new FeedStatus(BTC, Timeframe.M1, true, true, Option.none(), Option.none(), 1, 0, 0, 0,
                Instant.EPOCH);
    }
}
