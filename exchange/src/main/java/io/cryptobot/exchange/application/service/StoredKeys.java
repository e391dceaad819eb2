package io.cryptobot.exchange.application.service;

import io.cryptobot.exchange.application.port.out.SealSecretPort;
import io.cryptobot.exchange.domain.account.Credentials;
import io.cryptobot.exchange.domain.account.ExchangeAccount;

/** A connection's sealed keys opened for one venue call; the caller never keeps or logs them. */
final class StoredKeys {
    private StoredKeys() {
    }

    /** {@code account} is a connection (it has credentials). */
    static Credentials open(SealSecretPort sealer, ExchangeAccount account) {
        ExchangeAccount.StoredCredentials sealed = account.credentials().get();
        return Credentials.checked(sealer.open(sealed.apiKey()), sealer.open(sealed.secret()),
                        sealed.passphrase().map(sealer::open).getOrNull()).toEither()
                .getOrElseThrow(violations -> new IllegalStateException("the stored credentials of account "
                        + account.id() + " no longer pass validation (" + violations.map(v -> v.field()).mkString(", ")
                        + ")"));
    }
}
