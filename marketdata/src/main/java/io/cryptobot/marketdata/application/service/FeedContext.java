package io.cryptobot.marketdata.application.service;

import io.cryptobot.kernel.domain.Clock;
import io.cryptobot.kernel.domain.IdGenerator;
import io.cryptobot.marketdata.application.port.out.LiveFeedWorkersPort;
import io.cryptobot.marketdata.application.port.out.LoadCandlesPort;
import io.cryptobot.marketdata.application.port.out.PublishFeedEventsPort;
import io.cryptobot.marketdata.application.port.out.SaveCandlesPort;
import io.cryptobot.marketdata.domain.live.LiveFeedSettings;

/** What every live feed of the instance shares. */
record FeedContext(Clock clock, IdGenerator ids, LiveFeedSettings settings, LoadCandlesPort stored,
                   SaveCandlesPort store, PublishFeedEventsPort events, LiveFeedWorkersPort workers,
                   VenueClocks venueClocks) {
}
