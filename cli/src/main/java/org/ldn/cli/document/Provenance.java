package org.ldn.cli.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ldn.core.report.Report;

/**
 * The provenance footer: engine and version, when the run was made, the run file and its SHA-256 digest (from
 * manifest.json), the grid, every input with its digest and size, and the parameters the run used, each shown as
 * report.json gives it.
 */
final class Provenance {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Provenance() {
    }

    static Map<String, Object> of(RunOutput out) {
        Report r = out.report();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("engine", r.engine().name() + " " + r.engine().version());
        m.put("createdAt", r.createdAt());
        JsonNode rf = out.manifest() == null ? null : out.manifest().get("runFile");
        m.put("runFile", rf == null ? "–" : rf.path("path").asText());
        m.put("runFileSha256", rf == null ? "not recorded (no manifest.json)" : rf.path("sha256").asText());
        m.put("grid", r.grid().width() + " × " + r.grid().height() + " pixels, geotransform " + r.grid().geoTransform());
        m.put("crs", r.grid().crs());
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (Report.Input in : r.inputs()) {
            inputs.add(Map.of("role", in.role(), "path", in.path(), "sha256", in.sha256(),
                    "bytes", String.format(java.util.Locale.ROOT, "%,d", in.bytes())));
        }
        m.put("inputs", inputs);
        List<Map<String, Object>> params = new ArrayList<>();
        JsonNode p = out.reportTree().get("parameters");
        if (p != null) {
            p.fields().forEachRemaining(e -> params.add(Map.of("key", e.getKey(), "value", compact(e.getValue()))));
        }
        m.put("parameters", params);
        m.put("warnings", r.warnings() == null ? List.of() : r.warnings());
        m.put("hasWarnings", r.warnings() != null && !r.warnings().isEmpty());
        return m;
    }

    private static String compact(JsonNode v) {
        if (v.isTextual()) {
            return v.asText();
        }
        try {
            return JSON.writeValueAsString(v);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return v.toString();
        }
    }
}
