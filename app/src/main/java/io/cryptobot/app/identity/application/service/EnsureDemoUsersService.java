package io.cryptobot.app.identity.application.service;

import io.cryptobot.app.identity.application.port.in.EnsureDemoUsersCommand;
import io.cryptobot.app.identity.application.port.in.EnsureDemoUsersCommand.DemoUser;
import io.cryptobot.app.identity.application.port.in.EnsureDemoUsersUseCase;
import io.cryptobot.app.identity.application.port.in.EnsureDemoUsersUseCase.Ensured;
import io.cryptobot.app.identity.application.port.out.HashPasswordPort;
import io.cryptobot.app.identity.application.port.out.LoadUserPort;
import io.cryptobot.app.identity.application.port.out.SaveUserPort;
import io.cryptobot.app.identity.domain.User;
import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.UserId;
import io.smallrye.mutiny.Uni;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
class EnsureDemoUsersService implements EnsureDemoUsersUseCase {
    private final LoadUserPort loadUsers;
    private final SaveUserPort saveUsers;
    private final HashPasswordPort passwords;
    private final Clock clock;

    EnsureDemoUsersService(LoadUserPort loadUsers, SaveUserPort saveUsers, HashPasswordPort passwords, Clock clock) {
        this.loadUsers = loadUsers;
        this.saveUsers = saveUsers;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public Uni<List<Ensured>> ensure(EnsureDemoUsersCommand command) {
        Uni<List<Ensured>> ensured = Uni.createFrom().item(List.of());
        for (DemoUser demo : command.users()) {
            ensured = ensured.flatMap(done -> ensureOne(demo).map(user -> {
                List<Ensured> next = new ArrayList<>(done);
                next.add(user);
                return List.copyOf(next);
            }));
        }
        return ensured;
    }

    private Uni<Ensured> ensureOne(DemoUser demo) {
        return loadUsers.loadUserByEmail(demo.email()).flatMap(existing -> existing.isDefined()
                ? Uni.createFrom().item(new Ensured(existing.get(), false))
                : passwords.hash(demo.password()).flatMap(hash -> {
                    User user = User.provision(UserId.of(UUID.randomUUID()), demo.email(), Option.none(), hash,
                            demo.role(), clock.now());
                    // Another instance starting at the same time may have won the insert: use its account.
                    return saveUsers.insertUser(user).flatMap(inserted -> inserted
                            ? Uni.createFrom().item(new Ensured(user, true))
                            : loadUsers.loadUserByEmail(demo.email()).map(won -> new Ensured(won.get(), false)));
                }));
    }
}
