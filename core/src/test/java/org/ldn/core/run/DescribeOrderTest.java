package org.ldn.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's {@code run} field must serialize the same way in every JVM: every map in it with two keys or more
 * keeps an order of its own (insertion or sorted), never the per-JVM order of {@code Map.of}.
 */
class DescribeOrderTest {
    @Test
    void everyMapOfTheDescribedRunHasAStableOrder(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("ldn.yaml");
        Files.writeString(f, """
                zones: {file: zones.gpkg, idField: id, nameField: name}
                landCover: {maps: {2001: lc_2001.tif, 2015: lc_2015.tif, 2019: lc_2019.tif}, legend: unccd}
                productivity: {lpd: {baseline: lpd_b.tif, reporting1: lpd_r.tif}}
                soc:
                  initial: {year: 2010, file: soc_2010.tif}
                  climate: climate.tif
                periods:
                  - {name: baseline,   landCover: [2001, 2015], soc: [2010, 2015], productivity: [2001, 2015]}
                  - {name: reporting1, landCover: [2015, 2019], soc: [2015, 2019], productivity: [2004, 2019]}
                """);
        Map<String, Object> described = RunFiles.describe(RunFiles.resolve(RunFiles.read(f), f));
        List<String> unordered = new ArrayList<>();
        walk("run", described, unordered);
        assertTrue(unordered.isEmpty(), "maps without a stable order: " + unordered);
        Map<?, ?> initial = (Map<?, ?>) ((Map<?, ?>) described.get("soc")).get("initial");
        assertEquals(List.of("year", "file"), new ArrayList<>(initial.keySet()));
    }

    private static void walk(String path, Object o, List<String> unordered) {
        if (o instanceof Map<?, ?> m) {
            if (m.size() > 1 && !(m instanceof LinkedHashMap) && !(m instanceof SortedMap)) {
                unordered.add(path + " (" + m.getClass().getSimpleName() + ")");
            }
            m.forEach((k, v) -> walk(path + "." + k, v, unordered));
        } else if (o instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                walk(path + "[" + i + "]", l.get(i), unordered);
            }
        }
    }
}
