package io.cryptobot.archfixture.kernel.domain;

public record Money(long units) {
}
