package org.ldn.cli.output;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The creation time written into reports: now, or the time given by the {@code SOURCE_DATE_EPOCH} environment
 * variable (seconds since 1970, the reproducible-builds convention) so that repeated runs can be compared byte for
 * byte.
 */
public final class Timestamps {
    private Timestamps() {
    }

    public static String now() {
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        if (epoch != null && epoch.matches("[0-9]{1,12}")) {
            return Instant.ofEpochSecond(Long.parseLong(epoch)).toString();
        }
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
