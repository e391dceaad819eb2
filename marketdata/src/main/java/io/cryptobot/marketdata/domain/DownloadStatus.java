package io.cryptobot.marketdata.domain;

import java.util.Locale;

/**
 * queued -> running -> completed, or failed or canceled from either; a running job survives a restart and runs on.
 */
public enum DownloadStatus {
    QUEUED, RUNNING, COMPLETED, FAILED, CANCELED;

    public boolean isFinished() {
        return this == COMPLETED || this == FAILED || this == CANCELED;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DownloadStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
