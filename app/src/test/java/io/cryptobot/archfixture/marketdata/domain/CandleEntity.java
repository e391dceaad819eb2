package io.cryptobot.archfixture.marketdata.domain;

/**
 * Violates "entities live in adapters" by its name. It carries no {@code @jakarta.persistence.Entity}: the
 * fixture is on the test classpath of the Quarkus application, whose Hibernate would try to map it.
 */
public class CandleEntity {
    public long id;
}
