package io.cryptobot.bot.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.order.application.port.in.OrderActivity;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class JournalWriterTest {
    /** Runs queued tasks only when told, so a test decides what queues while a batch is being written. */
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private final List<List<String>> batches = new ArrayList<>();
    private RuntimeException failWith;
    private final JournalWriter writer = new JournalWriter((entries, activity) -> {
        if (failWith != null) {
            throw failWith;
        }
        batches.add(entries.stream().map(BotControl::reason).toList());
    }, tasks::add);

    private static BotControl entry(String name) {
        return new BotControl(BotControl.Kind.PAUSED, 0, name, Instant.EPOCH);
    }

    private static StepJournal.Step nothing() {
        return new StepJournal.Step(new OrderActivity(List.of(), List.of(), List.of()), List.of(), List.of());
    }

    @Test
    void entries_queued_while_a_batch_is_written_go_together_in_the_next_batch_in_order() {
        CompletableFuture<Boolean> first = writer.submit(entry("a"), nothing());
        assertThat(tasks).hasSize(1);
        CompletableFuture<Boolean> second = writer.submit(entry("b"), nothing());
        CompletableFuture<Boolean> third = writer.submit(entry("c"), nothing());
        assertThat(tasks).as("one writer at a time").hasSize(1);
        assertThat(first).isNotDone();

        tasks.poll().run();

        assertThat(batches).containsExactly(List.of("a", "b", "c"));
        assertThat(List.of(first, second, third)).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
    }

    @Test
    void nothing_is_answered_before_its_batch_is_written() {
        CompletableFuture<Boolean> durable = writer.submit(entry("a"), nothing());

        assertThat(durable).isNotDone();
        assertThat(batches).isEmpty();
        tasks.poll().run();
        assertThat(durable).isCompleted();
    }

    @Test
    void a_batch_that_cannot_be_written_fails_its_callers_and_every_later_one() {
        failWith = new IllegalStateException("connection refused");
        CompletableFuture<Boolean> first = writer.submit(entry("a"), nothing());
        CompletableFuture<Boolean> second = writer.submit(entry("b"), nothing());

        tasks.poll().run();

        assertThat(first).isCompletedExceptionally();
        assertThat(second).isCompletedExceptionally();
        assertThatThrownBy(() -> JournalWriter.await(first)).isSameAs(failWith);
        failWith = null;
        assertThat(writer.submit(entry("c"), nothing())).as("the session is ahead of its journal")
                .isCompletedExceptionally();
        assertThatThrownBy(writer::flush).hasMessage("connection refused");
        assertThat(tasks).isEmpty();
        assertThat(batches).isEmpty();
    }

    @Test
    void flush_returns_once_everything_submitted_is_durable() {
        assertThat(CompletableFuture.runAsync(writer::flush)).succeedsWithin(java.time.Duration.ofSeconds(5));
        writer.submit(entry("a"), nothing());
        CompletableFuture<Void> flushed = CompletableFuture.runAsync(writer::flush);

        assertThat(flushed).isNotDone();
        tasks.poll().run();
        assertThat(flushed).succeedsWithin(java.time.Duration.ofSeconds(5));
    }

    @Test
    void a_step_is_written_alone_in_its_place_between_the_entries_before_and_after_it() {
        writer.submit(entry("a"), nothing());
        writer.submit(entry("b"), nothing());
        CompletableFuture<Boolean> step = writer.submitStep(() -> {
            batches.add(List.of("step"));
            return CompletableFuture.completedFuture(false);
        });
        CompletableFuture<Boolean> after = writer.submit(entry("c"), nothing());

        tasks.poll().run();

        assertThat(batches).containsExactly(List.of("a", "b"), List.of("step"), List.of("c"));
        assertThat(step).isCompletedWithValue(false);
        assertThat(after).isCompletedWithValue(true);
    }

    @Test
    void a_step_queued_behind_an_entry_that_cannot_be_written_is_never_written_and_fails_with_it() {
        // a live bot's first step: its warm-up entry queued just ahead of the step's checkpoint, so the checkpoint
        // (which stores where the bot trades from) is never durable without the entry before it
        failWith = new IllegalStateException("connection refused");
        CompletableFuture<Boolean> warmedUp = writer.submit(entry("warmed up"), nothing());
        boolean[] stepWritten = {false};
        CompletableFuture<Boolean> step = writer.submitStep(() -> {
            stepWritten[0] = true;
            return CompletableFuture.completedFuture(true);
        });

        while (!tasks.isEmpty()) {
            tasks.poll().run();
        }

        assertThat(warmedUp).isCompletedExceptionally();
        assertThatThrownBy(() -> JournalWriter.await(step)).isSameAs(failWith);
        assertThat(stepWritten[0]).isFalse();
    }

    @Test
    void a_step_answered_later_holds_no_thread_and_what_follows_it_goes_on_the_thread_that_answered_it() {
        CompletableFuture<Boolean> checkpoint = new CompletableFuture<>();
        CompletableFuture<Boolean> step = writer.submitStep(() -> checkpoint);
        CompletableFuture<Boolean> after = writer.submit(entry("c"), nothing());

        tasks.poll().run();

        assertThat(step).as("handed over, not durable yet").isNotDone();
        assertThat(after).as("never ahead of the step before it").isNotDone();
        assertThat(batches).isEmpty();
        assertThat(tasks).as("no thread waits for the step").isEmpty();
        checkpoint.complete(false);
        assertThat(step).isCompletedWithValue(false);
        assertThat(batches).containsExactly(List.of("c"));
        assertThat(after).isCompletedWithValue(true);
        assertThat(tasks).isEmpty();
    }

    @Test
    void a_step_whose_write_fails_later_fails_everything_queued_after_it() {
        CompletableFuture<Boolean> checkpoint = new CompletableFuture<>();
        CompletableFuture<Boolean> step = writer.submitStep(() -> checkpoint);
        CompletableFuture<Boolean> after = writer.submit(entry("c"), nothing());
        tasks.poll().run();

        checkpoint.completeExceptionally(new IllegalStateException("connection lost"));

        assertThatThrownBy(() -> JournalWriter.await(step)).hasMessage("connection lost");
        assertThat(after).isCompletedExceptionally();
        assertThat(batches).isEmpty();
        assertThatThrownBy(writer::flush).hasMessage("connection lost");
    }

    @Test
    void a_step_that_cannot_be_written_fails_everything_queued_after_it() {
        CompletableFuture<Boolean> step = writer.submitStep(() -> {
            throw new IllegalStateException("disk full");
        });
        CompletableFuture<Boolean> after = writer.submit(entry("c"), nothing());

        tasks.poll().run();

        assertThatThrownBy(() -> JournalWriter.await(step)).hasMessage("disk full");
        assertThat(after).isCompletedExceptionally();
        assertThat(batches).isEmpty();
    }

    @Test
    void a_batch_holds_at_most_the_limit_and_the_rest_follows_in_order() {
        for (int i = 0; i < JournalWriter.MAX_BATCH + 3; i++) {
            writer.submit(entry("e" + i), nothing());
        }
        tasks.poll().run();

        assertThat(batches).hasSize(2);
        assertThat(batches.get(0)).hasSize(JournalWriter.MAX_BATCH).startsWith("e0", "e1");
        assertThat(batches.get(1)).containsExactly("e256", "e257", "e258");
    }
}
