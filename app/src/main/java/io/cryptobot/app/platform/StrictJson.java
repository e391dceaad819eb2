package io.cryptobot.app.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * A body is one JSON value, each key once: {@code {}xyz} and {@code {"a":1,"a":2}} are refused (400
 * {@code request.malformed}) instead of read as {@code {}} and {@code {"a":2}}. Jackson's defaults accepted both, so a
 * broken {@code PUT /api/risk/limits} body silently cleared every risk limit.
 */
@Singleton
class StrictJson implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
