package io.cryptobot.marketdata.adapter.out.worker;

import io.cryptobot.kernel.adapter.out.worker.AppThreads;
import io.cryptobot.marketdata.application.port.out.LiveFeedWorkersPort;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * Virtual threads for live feeds: a feed's turn may wait on the venue (a fetch of missed candles) or on the
 * database (a subscriber catching up on stored history), and must never hold up another feed behind it; a write of
 * received candles waits on the database and never on a feed.
 */
@ApplicationScoped
class LiveFeedWorkerPool implements LiveFeedWorkersPort {
    private final ExecutorService feeds = AppThreads.virtualPerTask("marketdata-feed-");
    private final ExecutorService writers = AppThreads.virtualPerTask("marketdata-feed-writer-");

    @Override
    public Executor feeds() {
        return feeds;
    }

    @Override
    public Executor writers() {
        return writers;
    }

    @PreDestroy
    void stop() {
        feeds.shutdownNow();
        writers.shutdownNow();
    }
}
