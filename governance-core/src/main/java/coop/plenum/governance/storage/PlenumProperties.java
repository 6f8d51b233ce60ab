package coop.plenum.governance.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * Plenum's settings. Each maps to an environment variable in application.yml
 * ({@code PLENUM_DATA_DIR}, {@code PLENUM_POSTGRES_URL}, {@code MONGODB_URI}, …); empty URLs mean "start embedded".
 */
@ConfigurationProperties(prefix = "plenum")
public record PlenumProperties(@DefaultValue("./data") Path dataDir,
                               @DefaultValue Postgres postgres,
                               @DefaultValue Mongodb mongodb,
                               String adminPassword) {

    /** External PostgreSQL for the event log; when {@code url} is blank an embedded server runs under {@code dataDir/postgres}. */
    public record Postgres(String url, @DefaultValue("plenum") String username, String password) {
        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    /** External MongoDB for read models; when {@code uri} is blank an in-process server runs under {@code dataDir/readmodels}. */
    public record Mongodb(String uri, @DefaultValue("plenum") String database) {
        public boolean external() {
            return uri != null && !uri.isBlank();
        }
    }
}
