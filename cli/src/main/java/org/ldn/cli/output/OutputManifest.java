package org.ldn.cli.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ldn.cli.run.Digests;

/**
 * The {@code manifest.json} of an output folder whose command writes none of its own ({@code track},
 * {@code export}, {@code aggregate}, {@code scenario}): the engine, the time, and every file with its SHA-256 and
 * size. Its presence is what lets the next run of the command replace the folder (see {@link OutputDirectory}).
 */
final class OutputManifest {
    private OutputManifest() {
    }

    /** Writes {@code dir/manifest.json} unless the command wrote one. */
    static void writeIfMissing(Path dir) throws IOException {
        Path file = dir.resolve(OutputDirectory.MANIFEST);
        if (Files.exists(file)) {
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> engine = new LinkedHashMap<>();
        engine.put("name", "ldn-engine");
        engine.put("version", Version.get());
        m.put("engine", engine);
        m.put("createdAt", Timestamps.now());
        m.put("outputs", outputs(dir));
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(file, mapper.writeValueAsString(m) + "\n", StandardCharsets.UTF_8);
    }

    /** Every regular file under {@code dir}, in path order: path (with '/'), sha256, bytes. */
    static List<Map<String, Object>> outputs(Path dir) throws IOException {
        List<Map<String, Object>> outputs = new ArrayList<>();
        try (var files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                if (Files.isRegularFile(p)) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("path", dir.relativize(p).toString().replace('\\', '/'));
                    o.put("sha256", Digests.sha256(p));
                    o.put("bytes", Files.size(p));
                    outputs.add(o);
                }
            }
        }
        return outputs;
    }
}
