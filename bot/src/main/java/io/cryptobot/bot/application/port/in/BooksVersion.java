package io.cryptobot.bot.application.port.in;

/**
 * What an owner's bot books (summary, bot list) are made of, as two write counters: the order journal's and the bot
 * store's, read without any query. Whatever is read (or rendered) after reading a version may be kept under it,
 * since any later fill, order or bot change gives a new version. Versions count this instance's writes.
 */
public record BooksVersion(long journal, long bots) {
}
