package org.ldn.geodata.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.ldn.core.InputException;
import org.ldn.geodata.crs.Crs;

/** What every vector fuzz test checks: a file reads into zones with rings, or fails with one line naming it. */
final class VectorFuzzing {
    private VectorFuzzing() {
    }

    static void readOrFailCleanly(Path file) {
        try {
            Boundaries b = ZoneFiles.read(file, ZoneFileOptions.ids("id").withNames("name")
                    .withAssumedCrs(Crs.fromEpsg(4326)));
            assertEquals(b.features().size(), b.zoneShapes(b.crs()).size());
        } catch (InputException e) {
            assertOneLine(e);
            assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        }
    }

    static void assertOneLine(InputException e) {
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
    }
}
