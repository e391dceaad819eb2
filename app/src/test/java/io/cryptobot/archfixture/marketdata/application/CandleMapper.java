package io.cryptobot.archfixture.marketdata.application;

/** Violates "mappers live in adapters". */
@org.mapstruct.Mapper
public interface CandleMapper {
}
