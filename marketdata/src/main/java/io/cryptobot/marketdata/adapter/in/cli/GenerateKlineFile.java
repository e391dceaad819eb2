package io.cryptobot.marketdata.adapter.in.cli;

import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.Timeframe;
import io.cryptobot.marketdata.domain.BinanceKlineWriter;
import io.cryptobot.marketdata.domain.GenericCsvParser;
import io.cryptobot.marketdata.domain.Instrument;
import io.cryptobot.marketdata.domain.SyntheticCandleGenerator;
import io.cryptobot.marketdata.domain.SyntheticSpec;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes a seeded synthetic series as a Binance kline CSV file, ready to upload to the import endpoint. No
 * framework and no database: run it with {@code bin/generate-klines} (see docs/api-marketdata.md).
 *
 * <pre>
 * bin/generate-klines --out btc-1m.csv --count 1000000 --seed 42 [--instrument BINANCE:BTC/USDT --tick 0.01
 *   --step 0.00001 --timeframe 1m --from 2024-01-01T00:00:00Z --start-price 42000 --volatility 0.001
 *   --drift 0 --base-volume 10 --micros]
 * </pre>
 */
public final class GenerateKlineFile {
    private GenerateKlineFile() {
    }

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        String out = options.get("out");
        if (out == null) {
            System.err.println("usage: --out FILE [--count N] [--seed S] [--instrument VENUE:BASE/QUOTE] [--tick T]"
                    + " [--step S] [--timeframe 1m] [--from ISO|ms] [--start-price P] [--volatility V] [--drift D]"
                    + " [--base-volume Q] [--micros]");
            System.exit(2);
        }
        String[] pair = options.getOrDefault("instrument", "BINANCE:BTC/USDT").split("[:/]");
        Instrument instrument = valid(Instrument.define(pair[0], pair[1], pair[2], options.getOrDefault("tick", "0.01"),
                options.getOrDefault("step", "0.00001")));
        Timeframe timeframe = orFail(Timeframe.parse(options.getOrDefault("timeframe", "1m"))
                .toEither("unknown timeframe"));
        long from = orFail(GenericCsvParser.timestamp(options.getOrDefault("from", "2024-01-01T00:00:00Z")));
        SyntheticSpec spec = valid(SyntheticSpec.of(instrument, timeframe, from,
                Integer.parseInt(options.getOrDefault("count", "1000000")),
                Long.parseLong(options.getOrDefault("seed", "42")),
                orFail(instrument.price(options.getOrDefault("start-price", "42000"))),
                Double.parseDouble(options.getOrDefault("drift", "0")),
                Double.parseDouble(options.getOrDefault("volatility", "0.001")),
                orFail(instrument.quantity(options.getOrDefault("base-volume", "10")))));
        long started = System.nanoTime();
        write(spec, Path.of(out), options.containsKey("micros"));
        System.out.printf("wrote %d %s candles of %s to %s in %d ms%n", spec.count(), timeframe.code(), instrument,
                out, (System.nanoTime() - started) / 1_000_000);
    }

    /** Streams the series to the file; memory holds one row at a time. */
    public static void write(SyntheticSpec spec, Path file, boolean microseconds) {
        BinanceKlineWriter writer = new BinanceKlineWriter(spec.timeframe(), microseconds);
        StringBuilder line = new StringBuilder(160);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            SyntheticCandleGenerator.generate(spec, candle -> {
                line.setLength(0);
                writer.append(line, candle).append('\n');
                try {
                    out.append(line);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T orFail(Either<String, T> parsed) {
        if (parsed.isLeft()) {
            throw new IllegalArgumentException(parsed.getLeft());
        }
        return parsed.get();
    }

    private static <T> T valid(Validation<Seq<Violation>, T> validated) {
        if (validated.isInvalid()) {
            throw new IllegalArgumentException(validated.getError().map(v -> v.field() + ": " + v.reason())
                    .mkString("; "));
        }
        return validated.get();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            options.put(name, flag ? "true" : args[++i]);
        }
        return options;
    }
}
