package io.cryptobot.marketdata.adapter.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The {@code cryptobot.marketdata.import.*} settings; docs/api-marketdata.md explains each. */
@ConfigMapping(prefix = "cryptobot.marketdata.import")
public interface ImportConfig {
    /** Characters in one line; a Binance kline row is about 150. */
    @WithDefault("4096")
    int maxLineLength();

    /** Bytes of one upload once unpacked (512 MiB; a monthly file of 1s klines is about 270 MB). */
    @WithDefault("536870912")
    long maxUncompressedBytes();

    /** Lines of one upload, blank ones and headers included (a monthly file of 1s klines has 2.7 million). */
    @WithDefault("5000000")
    long maxRows();

    /** Entries of one zip archive. */
    @WithDefault("100")
    int maxEntries();

    /** Imports (uploads and synthetic series) one user may have queued or running at once. */
    @WithDefault("10")
    int maxUnfinishedPerUser();
}
