package io.cryptobot.app.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.marketdata.adapter.in.rest.ImportSpool;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Uploads wait in the instance's own data directory, never in a directory every process on the host shares. */
@QuarkusTest
class ImportSpoolTest {

    @Inject
    ImportSpool spool;

    @Test
    void uploads_wait_in_the_instances_data_directory() {
        Path dataDir = Path.of(ConfigProvider.getConfig().getValue("cryptobot.data-dir", String.class));

        assertThat(spool.directory()).isEqualTo(dataDir.toAbsolutePath().resolve("imports"));
        assertThat(Path.of(ConfigProvider.getConfig().getValue("quarkus.http.body.uploads-directory", String.class)))
                .startsWith(dataDir);
    }
}
