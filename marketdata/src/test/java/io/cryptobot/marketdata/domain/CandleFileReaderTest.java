package io.cryptobot.marketdata.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.Candle;
import io.cryptobot.kernel.domain.Timeframe;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandleFileReaderTest {
    private final List<Candle> read = new ArrayList<>();
    private final ImportErrors errors = new ImportErrors();

    @Test
    void reports_malformed_rows_with_their_line_numbers_and_keeps_the_good_ones() {
        List<String> lines = List.of(
                "1704067200000,10,11,9,10.5,1,0,0,0,0,0,0",
                "",
                "1704067260000,10,11,9,10.5,1,0,0,0,0,0",
                "1704067320000,10,8,9,10.5,1,0,0,0,0,0,0",
                "1704067350000,10,11,9,10.5,1,0,0,0,0,0,0",
                "1735689660000000,10,11,9,10.5,1,0,0,0,0,0,0");

        long rows = reader(ImportFormat.BINANCE, Timeframe.M1).read("", lines.iterator(), read::add, errors);

        assertThat(rows).isEqualTo(5);
        assertThat(read).extracting(Candle::openTime).containsExactly(1_704_067_200_000L, 1_735_689_660_000L);
        assertThat(errors.total()).isEqualTo(3);
        assertThat(errors.first()).extracting(RowError::line).containsExactly(3L, 4L, 5L);
        assertThat(errors.first().get(0).reason()).isEqualTo("expected 12 columns, found 11");
        assertThat(errors.first().get(1).reason()).contains("high 8 is below low 9");
        assertThat(errors.first().get(2).reason())
                .isEqualTo("open time 2024-01-01T00:02:30Z is not aligned to 1m");
        assertThat(errors.first().get(0).location()).isEqualTo("line 3");
    }

    @Test
    void skips_a_header_line_in_a_binance_file() {
        List<String> lines = List.of("open_time,open,high,low,close,volume,close_time,quote_volume,count,"
                + "taker_buy_volume,taker_buy_quote_volume,ignore", "1704067200000,10,11,9,10.5,1,0,0,0,0,0,0");

        long rows = reader(ImportFormat.BINANCE, Timeframe.M1).read("a.csv", lines.iterator(), read::add, errors);

        assertThat(rows).isEqualTo(1);
        assertThat(read).hasSize(1);
        assertThat(errors.isEmpty()).isTrue();
    }

    @Test
    void reads_a_generic_csv_by_its_header_with_iso_and_millisecond_timestamps() {
        List<String> lines = List.of("\uFEFFVolume,Close,Low,High,Open,Timestamp",
                "1.5,10.5,9,11,10,2024-01-01T01:00:00Z",
                "2,10.75,10,11,10.5,1704070800000",
                "2,10.75,10,11,10.5,1704070800000,extra");

        long rows = reader(ImportFormat.CSV, Timeframe.H1).read("", lines.iterator(), read::add, errors);

        assertThat(rows).isEqualTo(3);
        assertThat(errors.isEmpty()).isTrue();
        assertThat(read).extracting(Candle::openTime)
                .containsExactly(1_704_070_800_000L, 1_704_070_800_000L, 1_704_070_800_000L);
        assertThat(read.get(0).volume().units()).isEqualTo(150_000L);
        assertThat(read.get(1).close().units()).isEqualTo(1_075L);
    }

    @Test
    void a_csv_without_the_required_columns_is_refused_at_its_header() {
        List<String> lines = List.of("time,open,high,low,close", "1704067200000,10,11,9,10.5");

        long rows = reader(ImportFormat.CSV, Timeframe.M1).read("", lines.iterator(), read::add, errors);

        assertThat(rows).isEqualTo(1);
        assertThat(read).isEmpty();
        assertThat(errors.first()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.reason()).contains("lacks column(s) timestamp, volume");
        });
    }

    @Test
    void an_unparseable_timestamp_is_a_row_error() {
        List<String> lines = List.of("timestamp,open,high,low,close,volume", "yesterday,10,11,9,10.5,1");

        reader(ImportFormat.CSV, Timeframe.M1).read("", lines.iterator(), read::add, errors);

        assertThat(errors.first().get(0).reason())
                .isEqualTo("timestamp 'yesterday' is neither epoch milliseconds nor an ISO-8601 instant");
    }

    @Test
    void caps_the_listed_errors_but_counts_them_all() {
        ImportErrors capped = new ImportErrors(2);
        List<String> lines = List.of("1", "2", "3");

        reader(ImportFormat.BINANCE, Timeframe.M1).read("", lines.iterator(), read::add, capped);

        assertThat(capped.total()).isEqualTo(3);
        assertThat(capped.first()).hasSize(2);
    }

    private static CandleFileReader reader(ImportFormat format, Timeframe timeframe) {
        return new CandleFileReader(format, Fixtures.btcUsdt(), timeframe);
    }
}
