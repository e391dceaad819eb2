package io.cryptobot.archfixture.marketdata.domain;

/** Violates "entities live in adapters". */
@jakarta.persistence.Entity
public class CandleEntity {
    public long id;
}
