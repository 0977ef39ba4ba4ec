package org.ldn.geodata.vector;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real boundary files of {@code ../shared/data/boundaries}; tests using them skip when the folder is absent. */
final class SharedData {
    private SharedData() {
    }

    static Path boundary(String name) {
        String shared = System.getProperty("ldn.shared");
        assumeTrue(shared != null, "ldn.shared is not set");
        Path p = Path.of(shared, "data", "boundaries", name);
        assumeTrue(Files.exists(p), p + " is absent");
        return p;
    }
}
