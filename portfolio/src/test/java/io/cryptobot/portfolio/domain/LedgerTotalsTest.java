package io.cryptobot.portfolio.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.Asset;
import io.cryptobot.kernel.domain.EventMeta;
import io.cryptobot.kernel.domain.InstrumentId;
import io.cryptobot.kernel.domain.Money;
import io.cryptobot.kernel.domain.Price;
import io.cryptobot.kernel.domain.Quantity;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.Venue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The running totals that make marking cheap must always agree with a walk over the lots, and equity must
 * always equal start + realized + unrealized - fees; checked after every fill of a long seeded sequence.
 */
class LedgerTotalsTest {
    static final Asset USDT = new Asset("USDT");
    static final InstrumentId BTC_USDT = new InstrumentId(Venue.parse("BINANCE").get(), new Asset("BTC"), USDT);
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void running_totals_agree_with_the_lots_and_equity_with_the_pnl_after_every_fill() {
        Random random = new Random(42);
        BigDecimal start = new BigDecimal("1000000.00");
        Ledger ledger = Ledger.open(new Money(100_000_000, 2, USDT));
        long held = 0;
        for (int i = 0; i < 2_000; i++) {
            Side side = held == 0 || random.nextBoolean() ? Side.BUY : Side.SELL;
            long qtyUnits = side == Side.BUY ? 1 + random.nextInt(100_000) : 1 + (long) (random.nextDouble() * held);
            Price price = new Price(1_000_000 + random.nextInt(1_000_000), 2);
            Money fee = new Money(random.nextInt(1_000), 3, USDT);
            LedgerFill fill = new LedgerFill(BTC_USDT, side, new Quantity(qtyUnits, 5), price, fee, "t" + i,
                    T0.plusSeconds(i));
            assertThat(ledger.apply(fill, new EventMeta(UUID.randomUUID(), T0)).isRight()).isTrue();
            held += side == Side.BUY ? qtyUnits : -qtyUnits;

            Position position = ledger.position(BTC_USDT);
            Price mark = new Price(1_000_000 + random.nextInt(1_000_000), 2);
            BigDecimal lotQuantity = BigDecimal.ZERO;
            BigDecimal lotCost = BigDecimal.ZERO;
            BigDecimal lotUnrealized = BigDecimal.ZERO;
            for (Lot lot : position.lots()) {
                BigDecimal q = lot.quantity().toBigDecimal();
                lotQuantity = lotQuantity.add(q);
                lotCost = lotCost.add(q.multiply(lot.entryPrice().toBigDecimal()));
                lotUnrealized = lotUnrealized.add(q.multiply(mark.toBigDecimal().subtract(lot.entryPrice().toBigDecimal())));
            }
            assertThat(position.quantity().toBigDecimal()).isEqualByComparingTo(lotQuantity);
            assertThat(position.quantity().units()).isEqualTo(held);
            assertThat(position.cost().toBigDecimal()).isEqualByComparingTo(lotCost);
            BigDecimal unrealized = ledger.unrealizedPnl(BTC_USDT, mark).toBigDecimal();
            assertThat(unrealized).isEqualByComparingTo(lotUnrealized);
            BigDecimal expectedEquity = start.add(position.realizedPnl().toBigDecimal()).add(unrealized)
                    .subtract(position.fees().toBigDecimal());
            assertThat(ledger.equity(BTC_USDT, mark).get().toBigDecimal()).isEqualByComparingTo(expectedEquity);
        }
        assertThat(ledger.tradeCount()).isEqualTo(2_000);
    }
}
