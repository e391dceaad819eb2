package io.cryptobot.marketdata.domain;

import java.util.Locale;

/** queued -> running -> completed, or failed from either; a running job survives a restart and runs on. */
public enum DownloadStatus {
    QUEUED, RUNNING, COMPLETED, FAILED;

    public boolean isFinished() {
        return this == COMPLETED || this == FAILED;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DownloadStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
