package io.cryptobot.exchange.domain.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.kernel.domain.DomainError.Violation;
import io.cryptobot.kernel.domain.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExchangeAccountTest {
    static final UserId OWNER = new UserId(new UUID(1, 1));

    @Test
    void a_paper_account_keeps_exact_positive_balances() {
        var account = ExchangeAccount.paper(AccountId.random(), OWNER, " main ",
                Map.of("USDT", "10000.50", "BTC", "0.25000"), Instant.EPOCH).get();
        assertThat(account.name()).isEqualTo("main");
        assertThat(account.venue()).isEqualTo(ExchangeAccount.SIMULATED);
        assertThat(account.startingBalances().values()).extracting(v -> v.toPlainString())
                .containsExactlyInAnyOrder("10000.5", "0.25");
        assertThat(account.credentials().isEmpty()).isTrue();
    }

    @Test
    void every_invalid_field_of_a_paper_account_is_reported() {
        Map<String, String> balances = new LinkedHashMap<>();
        balances.put("USDT", "-1");
        balances.put("btc!", "1");
        balances.put("ETH", "0.0000000000001");
        var violations = ExchangeAccount.paper(AccountId.random(), OWNER, "", balances, Instant.EPOCH).getError();
        assertThat(violations.map(Violation::field)).containsExactlyInAnyOrder("name", "balances.USDT",
                "balances.btc!", "balances.ETH");
        assertThat(ExchangeAccount.paper(AccountId.random(), OWNER, "x", Map.of(), Instant.EPOCH).getError()
                .map(Violation::field)).containsExactly("balances");
    }

    @Test
    void credentials_are_validated_and_never_printed() {
        Credentials credentials = Credentials.checked("AKIA1234567890Wx9z", "very-secret-value", "open sesame").get();
        assertThat(credentials.hint()).isEqualTo("****Wx9z");
        assertThat(credentials.toString()).doesNotContain("AKIA").doesNotContain("very-secret").doesNotContain("sesame");
        assertThat(Credentials.checked("short", "has space in it", null).getError().map(Violation::field))
                .containsExactly("apiKey", "secret");
    }

    @Test
    void a_live_connection_names_a_supported_venue() {
        assertThat(ExchangeAccount.liveViolations("binance main", "binance")).isEmpty();
        assertThat(ExchangeAccount.liveViolations("x", "MOONEX").map(Violation::field)).containsExactly("venue");
    }
}
