package io.cryptobot.marketdata.domain;

import io.cryptobot.kernel.domain.Timeframe;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;

/**
 * Which timeframes can be computed exactly from which. A coarse candle is derivable from fine ones when every coarse
 * candle is the union of whole fine candles: the coarse length is a multiple of the fine one and the coarse
 * boundaries (UTC midnight, Monday 00:00 UTC for 1w, the first of the month for 1M) are fine boundaries. So 1h
 * derives from 1m, 3m, 5m, 15m and 30m; 1w from 1d but not from 3d; 1M from any timeframe dividing a day.
 */
public final class Resampling {
    private static final long DAY = Duration.ofDays(1).toMillis();

    private Resampling() {
    }

    public static boolean derivable(Timeframe fine, Timeframe coarse) {
        if (fine == coarse || fine == Timeframe.MO1) {
            return false;
        }
        long fineLength = fine.nominalLength().toMillis();
        if (coarse == Timeframe.MO1) {
            // months start at midnight UTC; a timeframe dividing a day has a boundary there
            return DAY % fineLength == 0;
        }
        long coarseLength = coarse.nominalLength().toMillis();
        long someCoarseBoundary = coarse.floor(0);
        return coarseLength > fineLength && coarseLength % fineLength == 0 && fine.isAligned(someCoarseBoundary);
    }

    /**
     * The timeframe to fetch from a venue serving {@code offered} natively so that {@code wanted} comes out exactly:
     * {@code wanted} itself when offered, else the coarsest offered timeframe it derives from (fewest candles to
     * fetch), or why there is none.
     */
    public static Either<String, Timeframe> sourceFor(Timeframe wanted, Collection<Timeframe> offered) {
        if (offered.contains(wanted)) {
            return Either.right(wanted);
        }
        return offered.stream().filter(fine -> derivable(fine, wanted))
                .max(Comparator.comparing(Timeframe::nominalLength))
                .<Either<String, Timeframe>>map(Either::right)
                .orElseGet(() -> Either.left("the venue serves " + codes(offered) + ", none of which "
                        + wanted.code() + " candles can be computed from exactly"));
    }

    private static String codes(Collection<Timeframe> timeframes) {
        return Arrays.toString(timeframes.stream().sorted().map(Timeframe::code).toArray());
    }
}
