package io.cryptobot.bot.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptobot.bot.application.port.out.BotWorkersPort;
import io.cryptobot.bot.domain.bot.BotControl;
import io.cryptobot.bot.domain.bot.BotId;
import io.cryptobot.kernel.domain.UserId;
import io.cryptobot.order.application.port.in.OrderActivity;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JournalGroupCommitTest {
    private static final BotId BOT_A = new BotId(new UUID(0, 1));
    private static final BotId BOT_B = new BotId(new UUID(0, 2));
    private static final BotId BOT_C = new BotId(new UUID(0, 3));
    private static final UserId ANN = new UserId(new UUID(1, 1));
    private static final UserId BEN = new UserId(new UUID(1, 2));

    /** Runs queued tasks only when told, so a test decides what queues while a group is being written. */
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    /** Each transaction, in order: which bots' entries or which owners' activity it wrote. */
    private final List<String> transactions = new ArrayList<>();
    private BotId entriesFailFor;
    private UserId activityFailsFor;
    private Runnable duringWrite = () -> { };

    private final InMemoryBotStore store = new InMemoryBotStore() {
        @Override
        public void addControlsDurableWithNextCommit(BotId id, List<BotControl> added) {
            if (id.equals(entriesFailFor)) {
                throw new IllegalStateException("entries of " + name(id) + " refused");
            }
            transactions.add("entries " + name(id) + " " + reasons(added));
            super.addControlsDurableWithNextCommit(id, added);
        }

        @Override
        public void addControlsDurableWithNextCommit(List<BotControls> added) {
            if (added.stream().anyMatch(b -> b.bot().equals(entriesFailFor))) {
                throw new IllegalStateException("a batch refused");
            }
            duringWrite.run();
            duringWrite = () -> { };
            transactions.add("entries " + added.stream().map(b -> name(b.bot()) + " " + reasons(b.controls()))
                    .collect(Collectors.joining(", ")));
            added.forEach(b -> super.addControlsDurableWithNextCommit(b.bot(), b.controls()));
        }
    };

    private final ActivityProjection projection = new ActivityProjection(null, null) {
        @Override
        void record(UserId owner, StepJournal.Step step) {
            if (owner.equals(activityFailsFor)) {
                throw new IllegalStateException("activity of " + name(owner) + " refused");
            }
            transactions.add("activity " + name(owner));
        }

        @Override
        void recordAll(List<Owned> steps) {
            if (steps.stream().anyMatch(s -> s.owner().equals(activityFailsFor))) {
                throw new IllegalStateException("a step refused");
            }
            transactions.add("activity " + steps.stream().map(s -> name(s.owner()))
                    .collect(Collectors.joining(", ")));
        }
    };

    private final JournalGroupCommit group = new JournalGroupCommit(store, projection, new BotWorkersPort() {
        @Override
        public Executor executor() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Executor journalWriters() {
            return tasks::add;
        }

        @Override
        public Executor afterWaitingSteps() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Executor venueCalls() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ScheduledExecutorService venueTimer() {
            throw new UnsupportedOperationException();
        }
    });

    private static String name(Object id) {
        return id.equals(BOT_A) ? "A" : id.equals(BOT_B) ? "B" : id.equals(BOT_C) ? "C" : id.equals(ANN) ? "ann"
                : "ben";
    }

    private static String reasons(List<BotControl> controls) {
        return controls.stream().map(BotControl::reason).toList().toString();
    }

    private static BotControl entry(String name) {
        return new BotControl(BotControl.Kind.PAUSED, 0, name, Instant.EPOCH);
    }

    private static StepJournal.Step nothing() {
        return new StepJournal.Step(new OrderActivity(List.of(), List.of(), List.of()), List.of(), List.of());
    }

    private CompletableFuture<Void> write(BotId bot, UserId owner, String... entries) {
        return group.write(bot, owner, java.util.Arrays.stream(entries).map(JournalGroupCommitTest::entry).toList(),
                List.of(nothing()));
    }

    @Test
    void the_batches_of_several_sessions_are_written_as_two_transactions_and_answered_only_then() {
        CompletableFuture<Void> a = write(BOT_A, ANN, "a1", "a2");
        CompletableFuture<Void> b = write(BOT_B, ANN, "b1");
        CompletableFuture<Void> c = write(BOT_C, BEN, "c1");
        assertThat(tasks).as("one writer at a time").hasSize(1);
        assertThat(List.of(a, b, c)).noneMatch(CompletableFuture::isDone);

        tasks.poll().run();

        assertThat(transactions).containsExactly("entries A [a1, a2], B [b1], C [c1]", "activity ann, ann, ben");
        assertThat(List.of(a, b, c)).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        assertThat(store.controls(BOT_A)).extracting(BotControl::reason).containsExactly("a1", "a2");
    }

    @Test
    void a_lone_batch_is_written_as_before() {
        CompletableFuture<Void> a = write(BOT_A, ANN, "a1");

        tasks.poll().run();

        assertThat(transactions).containsExactly("entries A [a1]", "activity ann");
        assertThat(a).isCompleted();
    }

    @Test
    void entries_one_session_cannot_write_fail_that_session_only() {
        entriesFailFor = BOT_B;
        CompletableFuture<Void> a = write(BOT_A, ANN, "a1");
        CompletableFuture<Void> b = write(BOT_B, ANN, "b1");
        CompletableFuture<Void> c = write(BOT_C, BEN, "c1");

        tasks.poll().run();

        assertThat(transactions).as("the failed group left nothing; each batch alone, then the others' activity")
                .containsExactly("entries A [a1]", "entries C [c1]", "activity ann, ben");
        assertThat(a).isCompleted();
        assertThat(c).isCompleted();
        assertThatThrownBy(b::join).hasRootCauseMessage("entries of B refused");
        assertThat(store.controls(BOT_B)).isEmpty();
    }

    @Test
    void activity_one_owner_cannot_record_fails_that_owners_batches_only() {
        activityFailsFor = BEN;
        CompletableFuture<Void> a = write(BOT_A, ANN, "a1");
        CompletableFuture<Void> c = write(BOT_C, BEN, "c1");

        tasks.poll().run();

        assertThat(transactions).containsExactly("entries A [a1], C [c1]", "activity ann");
        assertThat(a).isCompleted();
        assertThatThrownBy(c::join).hasRootCauseMessage("activity of ben refused");
    }

    @Test
    void the_sessions_next_batches_meet_in_the_next_group() {
        JournalWriter writerA = group.writerFor(BOT_A, ANN, tasks::add);
        JournalWriter writerB = group.writerFor(BOT_B, ANN, tasks::add);
        CompletableFuture<Boolean> a1 = writerA.submit(entry("a1"), nothing());
        CompletableFuture<Boolean> b1 = writerB.submit(entry("b1"), nothing());
        tasks.poll().run();
        tasks.poll().run();
        assertThat(tasks).as("both sessions' batches wait for the group's writer").hasSize(1);
        List<CompletableFuture<Boolean>> later = new ArrayList<>();
        // while the first group is written, each session applies another order
        duringWrite = () -> {
            later.add(writerA.submit(entry("a2"), nothing()));
            later.add(writerB.submit(entry("b2"), nothing()));
        };

        tasks.poll().run();

        assertThat(transactions).containsExactly("entries A [a1], B [b1]", "activity ann, ann",
                "entries A [a2], B [b2]", "activity ann, ann");
        assertThat(List.of(a1, b1, later.get(0), later.get(1))).allMatch(f -> f.isDone()
                && !f.isCompletedExceptionally());
        assertThat(tasks).as("the writers handed their next batches over on the group's thread").isEmpty();
    }

    @Test
    void a_step_queued_behind_a_grouped_batch_is_handed_over_on_the_groups_thread_right_after_it() {
        JournalWriter writer = group.writerFor(BOT_A, ANN, tasks::add);
        writer.submit(entry("a1"), nothing());
        tasks.poll().run();
        CompletableFuture<Boolean> step = writer.submitStep(() -> {
            transactions.add("step A");
            return CompletableFuture.completedFuture(true);
        });
        CompletableFuture<Boolean> after = writer.submit(entry("a2"), nothing());
        assertThat(step).isNotDone();

        tasks.poll().run();

        assertThat(transactions).containsExactly("entries A [a1]", "activity ann", "step A", "entries A [a2]",
                "activity ann");
        assertThat(step).isCompletedWithValue(true);
        assertThat(after).isCompletedWithValue(true);
        assertThat(tasks).as("no thread started for the step").isEmpty();
    }

    @Test
    void a_session_whose_batch_failed_fails_everything_after_it_while_the_others_go_on() {
        entriesFailFor = BOT_B;
        JournalWriter writerA = group.writerFor(BOT_A, ANN, tasks::add);
        JournalWriter writerB = group.writerFor(BOT_B, ANN, tasks::add);
        writerA.submit(entry("a1"), nothing());
        CompletableFuture<Boolean> b1 = writerB.submit(entry("b1"), nothing());
        tasks.poll().run();
        tasks.poll().run();
        CompletableFuture<Boolean> b2 = writerB.submit(entry("b2"), nothing());

        tasks.poll().run();

        assertThat(b1).isCompletedExceptionally();
        assertThat(b2).isCompletedExceptionally();
        assertThatThrownBy(writerB::flush).hasMessage("entries of B refused");
        entriesFailFor = null;
        CompletableFuture<Boolean> a2 = writerA.submit(entry("a2"), nothing());
        tasks.poll().run();
        tasks.poll().run();
        assertThat(a2).isCompletedWithValue(true);
        assertThat(store.controls(BOT_A)).extracting(BotControl::reason).containsExactly("a1", "a2");
    }
}
