package io.cryptobot.order.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.DomainError;
import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.OrderType;
import io.cryptobot.kernel.domain.Side;
import io.cryptobot.kernel.domain.TimeInForce;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlaceOrderCommandTest {
    private static final String ACCOUNT = "6f1c1b8e-8a39-4b8e-9b0a-0c5b8f2f1a11";

    @Test
    void every_malformed_field_is_named_at_once() {
        var result = PlaceOrderCommand.of("nope", "not ok!", "X", "hold", "iceberg", "abc", "1,5", " ", "forever",
                null, "not-a-uuid");

        assertThat(result.isLeft()).isTrue();
        DomainError.Invalid invalid = (DomainError.Invalid) result.getLeft();
        assertThat(invalid.code()).isEqualTo("order.invalid_input");
        assertThat(invalid.violations()).extracting(Violation::field).containsExactly("accountId", "clientOrderId",
                "instrument", "side", "type", "timeInForce", "quantity", "limitPrice", "correlationId");
        assertThat(invalid.violations()).contains(new Violation("quantity", "'abc' is not a number"),
                new Violation("side", "must be buy or sell"));
    }

    @Test
    void a_missing_quantity_is_named() {
        var result = PlaceOrderCommand.of(ACCOUNT, null, "SIM:BTC/USDT", "buy", "market", "  ", null, null, null,
                null, null);

        assertThat(((DomainError.Invalid) result.getLeft()).violations())
                .containsExactly(new Violation("quantity", "is missing"));
    }

    @Test
    void absent_optional_fields_take_their_defaults_and_decimals_stay_exact() {
        var command = PlaceOrderCommand.of(ACCOUNT, "", " sim:btc/usdt ", " SELL ", "stop_limit", "0.10",
                "42000.50", "1E+3", "", null, "").get();

        assertThat(command.accountId()).isEqualTo(UUID.fromString(ACCOUNT));
        assertThat(command.clientOrderId().isEmpty()).isTrue();
        assertThat(command.instrument().toString()).isEqualTo("SIM:BTC/USDT");
        assertThat(command.side()).isEqualTo(Side.SELL);
        assertThat(command.type()).isEqualTo(OrderType.STOP_LIMIT);
        assertThat(command.quantity()).isEqualTo(new BigDecimal("0.10"));
        assertThat(command.limitPrice().get()).isEqualTo(new BigDecimal("42000.50"));
        assertThat(command.triggerPrice().get().toPlainString()).isEqualTo("1000");
        assertThat(command.timeInForce()).isEqualTo(TimeInForce.GTC);
        assertThat(command.reduceOnly()).isFalse();
        assertThat(command.correlationId().isEmpty()).isTrue();
    }
}
