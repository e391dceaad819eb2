package io.cryptobot.app.identity.adapter.in.rest;

import io.cryptobot.app.identity.domain.User;
import io.cryptobot.kernel.domain.Page;
import java.util.List;

record UserPageResponse(List<UserResponse> items, int offset, int limit, long total) {
    static UserPageResponse from(Page<User> page) {
        return new UserPageResponse(page.items().stream().map(UserResponse::from).toList(), page.offset(),
                page.limit(), page.total());
    }
}
