package io.cryptobot.archfixture.order.domain;

public record Order(String id) {
}
