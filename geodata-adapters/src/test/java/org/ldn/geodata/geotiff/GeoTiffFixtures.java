package org.ldn.geodata.geotiff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The committed fixtures of {@code src/test/resources/geotiff} and the tables GDAL recorded for them. */
final class GeoTiffFixtures {
    private GeoTiffFixtures() {
    }

    static Path dir() {
        try {
            return Path.of(GeoTiffFixtures.class.getResource("/geotiff/expected-grids.tsv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows of a tab-separated table without its comment lines, by first column. */
    static Map<String, List<String[]>> table(Path tsv) {
        Map<String, List<String[]>> rows = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(tsv)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                rows.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static List<String> files() {
        return new ArrayList<>(table(dir().resolve("expected-grids.tsv")).keySet());
    }
}
