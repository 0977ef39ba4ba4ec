package org.ldn.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.ldn.core.DuplicateKeys;
import org.ldn.core.Excerpt;
import org.ldn.core.InputException;
import org.ldn.core.JsonProblem;
import org.ldn.core.RegularFiles;

/**
 * The canonical JSON form of a {@link Report}: pretty-printed, fields in record order, maps in insertion order, so
 * equal reports give equal bytes. Reading is bounded (nesting depth, string and document length) because
 * reports also come from elsewhere.
 */
public final class ReportJson {
    /** Largest report read (a report of 250 zones is a few megabytes). */
    public static final long MAX_BYTES = 256L << 20;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(1 << 20).maxNumberLength(64).build());
    }

    private ReportJson() {
    }

    public static String toJson(Report r) {
        try {
            return MAPPER.writeValueAsString(r) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the report", e);
        }
    }

    /** Reads a report, checking its size and schema version; problems are InputExceptions naming the file. */
    public static Report read(Path file) {
        RegularFiles.require(file);
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new InputException(file + ": " + size + " bytes is too large for a report (at most " + MAX_BYTES
                        + " bytes are read; a report of 250 zones is a few megabytes)");
            }
            Report r = DuplicateKeys.read(file, () -> MAPPER.readValue(file.toFile(), Report.class));
            if (r == null || r.schemaVersion() == null) {
                throw new InputException(file + ": not an LDN report (no schemaVersion)");
            }
            if (!Report.SCHEMA_VERSION.equals(r.schemaVersion())) {
                boolean newer = major(r.schemaVersion()) > major(Report.SCHEMA_VERSION);
                throw new InputException(file + ": report schema version " + Excerpt.of(r.schemaVersion())
                        + " is not supported (this engine reads " + Report.SCHEMA_VERSION
                        + (newer ? "; the report was made by a newer engine: upgrade ldn-engine)" : ")"));
            }
            return r;
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": report not found");
        } catch (JsonProcessingException e) {
            throw new InputException(file + ": not a valid report" + JsonProblem.describe(e));
        } catch (IOException e) {
            throw new InputException(file + ": cannot read the report (" + e.getMessage() + ")");
        }
    }

    /** The major part of a version "2.1" (2), or -1 when it is not a number. */
    private static int major(String version) {
        int dot = version.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The JSON Schema shipped with the engine ({@code report.schema.json}). */
    public static InputStream schema() {
        return ReportJson.class.getResourceAsStream("/org/ldn/core/report/report.schema.json");
    }
}
