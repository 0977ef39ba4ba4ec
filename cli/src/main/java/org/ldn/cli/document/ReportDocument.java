package org.ldn.cli.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ldn.core.InputException;
import org.ldn.core.landcover.LandCoverClass;
import org.ldn.core.raster.RasterIO;
import org.ldn.core.report.Report;
import org.ldn.core.report.Report.PeriodReport;
import org.ldn.core.report.Report.ZoneReport;

/**
 * The report a person reads, as one self-contained HTML file: summary, maps, charts, drought (when the run has a
 * drought section), the UNCCD tables, the zones sorted by proportion degraded, and provenance. Images are {@code data:} URIs, charts inline SVG, the style sheet
 * inline: the file opens anywhere without network access. Made from a run's output folder ({@link RunOutput});
 * the page is assembled by the Mustache template {@code report.mustache}.
 */
public final class ReportDocument {
    private static final Mustache TEMPLATE = new DefaultMustacheFactory("org/ldn/cli/document")
            .compile("report.mustache");

    private ReportDocument() {
    }

    /**
     * Writes the document of the run output folder {@code runOutput} to {@code html} (atomically: a temporary file
     * moved into place) and returns the file.
     */
    public static Path write(Path runOutput, Path html, ReportOptions options, RasterIO io) {
        return write(RunOutput.read(runOutput, options.trackingFile()), html, options, io);
    }

    /**
     * As {@link #write(Path, Path, ReportOptions, RasterIO)} for an output folder not yet committed, whose
     * {@code manifest.json} is not written yet: {@code manifest} stands for it (its run file and inputs).
     */
    public static Path write(Path runOutput, Path html, ReportOptions options, RasterIO io, JsonNode manifest) {
        return write(RunOutput.read(runOutput, options.trackingFile()).withManifest(manifest), html, options, io);
    }

    private static Path write(RunOutput out, Path html, ReportOptions options, RasterIO io) {
        String page = render(out, options, io);
        try {
            Path dir = html.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve("." + html.getFileName() + ".tmp");
            Files.writeString(tmp, page, StandardCharsets.UTF_8);
            Files.move(tmp, html, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new InputException(html + ": cannot write the report (" + e.getMessage() + ")", e);
        }
        return html;
    }

    static String render(RunOutput out, ReportOptions options, RasterIO io) {
        Report r = out.report();
        ZoneReport subject = subject(r, options.zone());
        if (subject.periods() == null) {
            throw new InputException(out.folder().resolve("report.json") + ": zone '" + options.zone()
                    + "' covers no pixel of the grid; it has no figures to show");
        }
        String zp = Summary.pathOf(r, subject);
        Function<String, String> typeLabel = landTypeLabels(out);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("css", resource("report.css"));
        s.put("title", out.run().path("title").asText("LDN run"));
        s.put("subject", subject == r.total() ? "All zones together (" + r.zones().size() + " zones)"
                : subject.name() + " (" + subject.id() + ")");
        s.put("createdAt", r.createdAt());
        s.put("engine", r.engine().name() + " " + r.engine().version());
        s.put("area", Figure.km2(subject.areaKm2(), zp + ".areaKm2"));
        List<Map<String, Object>> periods = Summary.periods(r, subject);
        s.put("periods", periods);
        Map<String, Object> lead = new LinkedHashMap<>(periods.get(periods.size() - 1));
        PeriodReport last = subject.periods().get(subject.periods().size() - 1);
        if (last.ldnByLandType() != null) {
            lead.put("neutrality", Map.of("achieved", last.ldnByLandType().achieved()));
        }
        s.put("lead", lead);
        s.put("status7", Summary.status7(r, subject));
        s.put("ldn", Summary.ldn(r, subject, typeLabel));
        if (out.tracking() != null) {
            s.put("targets", Summary.targets(out.tracking()));
            s.put("hasTargets", !out.tracking().isEmpty());
        }
        List<Path> dirs = new ArrayList<>(options.runDirs());
        if (out.manifest() != null && out.manifest().path("runFile").hasNonNull("path")) {
            Path given = Path.of(out.manifest().path("runFile").path("path").asText()).toAbsolutePath().getParent();
            dirs.add(given);
        }
        dirs.add(out.folder().toAbsolutePath().normalize().getParent());
        s.put("maps", MapViews.of(out, io, dirs, options.zone()));
        s.put("charts", charts(subject, zp, typeLabel, out));
        s.put("tables", TableViews.of(r, subject));
        s.put("zones", Summary.zones(r, options.zone()));
        s.put("zonePeriods", subject.periods().stream().map(PeriodReport::name).toList());
        s.put("provenance", Provenance.of(out));
        s.put("drought", DroughtSummary.of(r, options.zone()));
        StringWriter w = new StringWriter();
        TEMPLATE.execute(w, s);
        return w.toString();
    }

    private static ZoneReport subject(Report r, String zone) {
        if (zone == null) {
            return r.total();
        }
        for (ZoneReport z : r.zones()) {
            if (z.id().equals(zone)) {
                return z;
            }
        }
        throw new InputException("--zone " + zone + ": no such zone in the report (its zones: "
                + String.join(", ", r.zones().stream().limit(20).map(ZoneReport::id).toList())
                + (r.zones().size() > 20 ? ", ..." : "") + ")");
    }

    private static Map<String, Object> charts(ZoneReport z, String zp, Function<String, String> typeLabel,
            RunOutput out) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("areaByClass", Charts.areaByClass(z));
        List<Map<String, Object>> transitions = new ArrayList<>();
        List<Map<String, Object>> lpd = new ArrayList<>();
        List<Map<String, Object>> ldn = new ArrayList<>();
        for (int i = 0; i < z.periods().size(); i++) {
            PeriodReport p = z.periods().get(i);
            Map<String, Object> t = TransitionHeatMap.of(p, zp, i);
            if (t != null) {
                transitions.add(t);
            }
            String l = Charts.lpdByLandCover(p);
            if (l != null) {
                lpd.add(Map.of("name", p.name(), "svg", l));
            }
            String d = Charts.ldnByLandType(p, typeLabel);
            if (d != null) {
                ldn.add(Map.of("name", p.name(), "svg", d));
            }
        }
        c.put("transitions", transitions);
        c.put("lpd", lpd);
        c.put("soc", Charts.socStock(z));
        c.put("ldn", ldn);
        List<Map<String, Object>> targets = new ArrayList<>();
        if (out.tracking() != null) {
            for (var t : out.tracking()) {
                String svg = Charts.target(t);
                if (svg != null) {
                    targets.add(Map.of("id", t.id(), "where", t.where() == null ? "" : t.where(), "svg", svg));
                }
            }
        }
        c.put("targets", targets);
        return c;
    }

    /** Land types are the baseline's land-cover classes unless the run names a land-type raster. */
    private static Function<String, String> landTypeLabels(RunOutput out) {
        boolean raster = out.run().hasNonNull("landTypes");
        return k -> {
            if (k.equals("nodata")) {
                return "No data";
            }
            if (!raster) {
                try {
                    return LandCoverClass.of(Integer.parseInt(k)).label();
                } catch (IllegalArgumentException e) {
                    return "Type " + k;
                }
            }
            return "Land type " + k;
        };
    }

    static String resource(String name) {
        try (InputStream in = ReportDocument.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
