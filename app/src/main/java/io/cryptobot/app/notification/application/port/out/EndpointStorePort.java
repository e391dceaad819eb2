package io.cryptobot.app.notification.application.port.out;

import io.cryptobot.app.notification.domain.Endpoint;
import io.cryptobot.app.notification.domain.EndpointId;
import io.cryptobot.app.notification.domain.EventKind;
import io.cryptobot.kernel.domain.Page;
import io.cryptobot.kernel.domain.PageRequest;
import io.cryptobot.kernel.domain.UserId;
import io.vavr.control.Option;
import java.util.List;

/**
 * Endpoints in schema {@code notification}; reads by owner filter by owner. The secrets are stored sealed (as
 * {@link SecretSealPort} sealed them) and handed out only for a delivery.
 */
public interface EndpointStorePort {
    void insert(Endpoint endpoint, String sealedSecret, Option<String> sealedBotToken);

    Option<Endpoint> load(UserId owner, EndpointId id);

    Page<Endpoint> list(UserId owner, PageRequest page);

    long count(UserId owner);

    void update(Endpoint endpoint);

    boolean delete(UserId owner, EndpointId id);

    /** The endpoint with its sealed secrets, whoever owns it: for the delivery worker only. */
    Option<EndpointSecrets> loadForDelivery(EndpointId id);

    /**
     * The owner's enabled endpoints that want {@code kind}: asked on the publisher's thread for every event, so it
     * must answer from memory when the owner has none.
     */
    List<EndpointId> subscribers(UserId owner, EventKind kind);

    record EndpointSecrets(Endpoint endpoint, String sealedSecret, Option<String> sealedBotToken) {
    }
}
