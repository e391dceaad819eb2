package io.cryptobot.marketdata.application.port.in;

import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.marketdata.domain.DownloadRequest;
import java.util.Objects;

/** Download the venue's candles described by {@code request}, on behalf of {@code owner} (who will own the job). */
public record StartDownloadCommand(UserId owner, DownloadRequest request) {
    public StartDownloadCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(request, "request");
    }
}
