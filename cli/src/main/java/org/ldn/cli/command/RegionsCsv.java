package org.ldn.cli.command;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ldn.core.InputException;
import org.ldn.core.aggregate.Regions;

/**
 * Reads a regions file (CSV with a header): the key column holds zone ids (by default the column {@code id}, else
 * the first column), every other column except {@code id} and {@code name} is a grouping and each cell the zone's
 * group in it (empty: none). {@value #BUNDLED} names the sample mapping that ships with the engine
 * ({@code regions/README.md} says where it comes from).
 */
public final class RegionsCsv {
    static final String BUNDLED = "un-m49";

    private RegionsCsv() {
    }

    /** The regions of {@code file} ({@value #BUNDLED}: the bundled sample), keyed by {@code key} (null: default). */
    static Regions read(String file, String key) {
        if (BUNDLED.equals(file)) {
            try (InputStream in = RegionsCsv.class.getResourceAsStream("/org/ldn/cli/regions/un_m49_regions.csv")) {
                return parse(BUNDLED, new String(in.readAllBytes(), StandardCharsets.UTF_8), key);
            } catch (IOException e) {
                throw new IllegalStateException("the bundled regions are missing", e);
            }
        }
        try {
            return parse(file, Files.readString(Path.of(file), StandardCharsets.UTF_8), key);
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": regions file not found (give a CSV file, or " + BUNDLED
                    + " for the bundled sample)");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read the regions file (" + e.getMessage() + ")");
        }
    }

    static Regions parse(String source, String text, String key) {
        List<List<String>> rows = new ArrayList<>();
        CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY).enable(CsvParser.Feature.TRIM_SPACES)
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        try (Reader r = new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text);
                MappingIterator<List<String>> it = csv.readerForListOf(String.class).readValues(r)) {
            while (it.hasNext()) {
                rows.add(it.next());
            }
        } catch (IOException | RuntimeException e) {
            throw new InputException(source + ": not a valid CSV file (" + e.getMessage().lines().findFirst()
                    .orElse("") + ")");
        }
        if (rows.size() < 2 || rows.get(0).size() < 2) {
            throw new InputException(source + ": a regions file needs a header and rows with a zone id and at least"
                    + " one grouping");
        }
        List<String> header = rows.get(0);
        int keyColumn = key != null ? header.indexOf(key) : Math.max(0, header.indexOf("id"));
        if (keyColumn < 0) {
            throw new InputException(source + ": no column '" + key + "' for the zone ids (columns: " + header + ")");
        }
        List<Integer> groupingColumns = new ArrayList<>();
        List<String> groupings = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c).toLowerCase(Locale.ROOT);
            if (c != keyColumn && !h.equals("id") && !h.equals("name")) {
                groupingColumns.add(c);
                groupings.add(header.get(c));
            }
        }
        if (groupings.isEmpty()) {
            throw new InputException(source + ": no grouping column besides the ids and names (columns: " + header
                    + ")");
        }
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() != header.size()) {
                throw new InputException(source + ": line " + (r + 1) + " has " + row.size() + " fields, the header "
                        + header.size());
            }
            String id = row.get(keyColumn);
            if (id.isEmpty()) {
                throw new InputException(source + ": line " + (r + 1) + " has no zone id");
            }
            Map<String, String> g = new LinkedHashMap<>();
            for (int i = 0; i < groupings.size(); i++) {
                String v = row.get(groupingColumns.get(i));
                if (!v.isEmpty()) {
                    g.put(groupings.get(i), v);
                }
            }
            if (groups.put(id, g) != null) {
                throw new InputException(source + ": zone id '" + id + "' is on two lines (give each zone one line)");
            }
        }
        return new Regions(source, groupings, groups);
    }
}
