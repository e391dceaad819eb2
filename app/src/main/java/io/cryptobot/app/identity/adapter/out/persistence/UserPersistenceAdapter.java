package io.cryptobot.app.identity.adapter.out.persistence;

import io.cryptobot.app.identity.application.port.out.LoadUserPort;
import io.cryptobot.app.identity.application.port.out.SaveUserPort;
import io.cryptobot.app.identity.domain.DisplayName;
import io.cryptobot.app.identity.domain.Email;
import io.cryptobot.app.identity.domain.PasswordHash;
import io.cryptobot.app.identity.domain.Role;
import io.cryptobot.app.identity.domain.User;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vavr.control.Option;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Users in schema {@code identity}. Look-ups by id, which every authenticated request makes, are kept for
 * {@link #CACHE_NANOS} and dropped the moment this instance changes the user, so a role change or a disabled
 * account still takes effect on the next request here; other instances (scale-out) see it within that time.
 */
@ApplicationScoped
class UserPersistenceAdapter implements LoadUserPort, SaveUserPort {
    static final long CACHE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    private final UserRepository users;
    private final java.util.concurrent.ConcurrentHashMap<java.util.UUID, Cached> byId =
            new java.util.concurrent.ConcurrentHashMap<>();

    private record Cached(User user, long loadedAt) {
    }

    UserPersistenceAdapter(UserRepository users) {
        this.users = users;
    }

    @Override
    public Uni<Option<User>> loadUser(UserId id) {
        Cached cached = byId.get(id.value());
        long now = System.nanoTime();
        if (cached != null && now - cached.loadedAt() < CACHE_NANOS) {
            return Uni.createFrom().item(Option.some(cached.user()));
        }
        return Panache.withSession(() -> users.findById(id.value())).map(entity -> {
            Option<User> user = Option.of(entity).map(UserPersistenceAdapter::toDomain);
            user.forEach(found -> byId.put(id.value(), new Cached(found, now)));
            return user;
        });
    }

    @Override
    public Uni<Option<User>> loadUserByEmail(Email email) {
        return Panache.withSession(() -> users.find("lower(email) = ?1", email.value()).firstResult())
                .map(entity -> Option.of(entity).map(UserPersistenceAdapter::toDomain));
    }

    @Override
    public Uni<Page<User>> loadUsers(PageRequest page) {
        return Panache.withSession(() -> users.count().flatMap(total -> users
                .findAll(Sort.by("createdAt").and("id"))
                .range(page.offset(), page.offset() + page.limit() - 1)
                .list()
                .map(rows -> new Page<>(rows.stream().map(UserPersistenceAdapter::toDomain).toList(),
                        page.offset(), page.limit(), total))));
    }

    @Override
    public Uni<Boolean> insertUser(User user) {
        UserEntity entity = toEntity(user);
        return Panache.withTransaction(() -> users.persistAndFlush(entity))
                .map(stored -> true)
                .onFailure(UniqueViolations::isUniqueViolation).recoverWithItem(false);
    }

    @Override
    public Uni<Void> updateUser(User user) {
        byId.remove(user.id().value());
        return Panache.withTransaction(() -> users.update(
                "role = ?1, enabled = ?2, tokensValidAfter = ?3, updatedAt = current_timestamp where id = ?4",
                user.role().code(), user.enabled(), user.tokensValidAfter(), user.id().value()))
                .invoke(updated -> byId.remove(user.id().value()))
                .replaceWithVoid();
    }

    private static User toDomain(UserEntity entity) {
        return User.reconstitute(UserId.of(entity.id), new Email(entity.email),
                Option.of(entity.displayName).filter(name -> !name.isBlank()).map(DisplayName::new),
                new PasswordHash(entity.passwordHash),
                Role.parse(entity.role).getOrElseThrow(() -> new IllegalStateException("unknown role in store")),
                entity.enabled, entity.tokensValidAfter, entity.createdAt);
    }

    private static UserEntity toEntity(User user) {
        UserEntity entity = new UserEntity();
        entity.id = user.id().value();
        entity.email = user.email().value();
        entity.displayName = user.displayName().map(DisplayName::value).getOrNull();
        entity.passwordHash = user.passwordHash().value();
        entity.role = user.role().code();
        entity.enabled = user.enabled();
        entity.tokensValidAfter = user.tokensValidAfter();
        entity.createdAt = user.createdAt();
        entity.updatedAt = user.createdAt();
        return entity;
    }
}
