package org.ldn.core.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reporting tables as JSON for machine import: {@code {"schemaVersion", "source", "tables": [{"id", "file",
 * "title", "columns": [{"key", "label", "unit"}], "rows": [[cells]], "notes": [text], when the table has notes}]}},
 * numbers with every digit the report holds,
 * blanks as null.
 */
public final class ReportingTablesJson {
    /** Version of this JSON layout. */
    public static final String SCHEMA_VERSION = "1.0";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportingTablesJson() {
    }

    /** @param source the report the tables were made from, as the user named it */
    public static String toJson(String source, List<ReportingTable> tables) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schemaVersion", SCHEMA_VERSION);
        m.put("source", source);
        List<Object> ts = new ArrayList<>();
        for (ReportingTable t : tables) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("id", t.id());
            tm.put("file", t.file());
            tm.put("title", t.title());
            tm.put("columns", t.columns());
            tm.put("rows", t.rows());
            if (!t.notes().isEmpty()) {
                tm.put("notes", t.notes());
            }
            ts.add(tm);
        }
        m.put("tables", ts);
        try {
            return MAPPER.writeValueAsString(m) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the tables", e);
        }
    }
}
