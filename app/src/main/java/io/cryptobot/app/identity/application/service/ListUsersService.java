package io.cryptobot.app.identity.application.service;

import io.cryptobot.app.identity.application.port.in.ListUsersQuery;
import io.cryptobot.app.identity.application.port.out.LoadUserPort;
import io.cryptobot.app.identity.domain.User;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class ListUsersService implements ListUsersQuery {
    private final LoadUserPort loadUsers;

    ListUsersService(LoadUserPort loadUsers) {
        this.loadUsers = loadUsers;
    }

    @Override
    public Uni<Page<User>> list(PageRequest page) {
        return loadUsers.loadUsers(page);
    }
}
