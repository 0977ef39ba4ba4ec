package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.report.Report;
import org.ldn.core.report.ReportJson;
import org.ldn.core.reporting.ReportingTable;
import org.ldn.core.reporting.UnccdTables;
import org.w3c.dom.NodeList;

/**
 * The bundled example's report as a reader gets it: every figure equal to report.json, map pictures in the colours of
 * the QGIS styles beside the maps, a self-contained page that headless Chromium loads without console error or
 * network request, with maps and charts of real size, and an A4 PDF with a page break before every section.
 */
class ReportDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NO_CHROMIUM = "headless Chromium not found: install it (apt-get install chromium)"
            + " to check the report in a browser";

    @TempDir
    static Path tmp;
    static Path out;
    static Path html;
    static Document page;
    static JsonNode reportTree;
    static Report report;

    @BeforeAll
    static void runTheExampleAndItsReport() throws Exception {
        out = tmp.resolve("output");
        CliRunner run = CliRunner.run("run", ExampleRunTest.EXAMPLE.toString(), "--out", out.toString(),
                "--threads", "2", "--quiet", "--report");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.isRegularFile(out.resolve("report.html")), "ldn run --report writes report.html");
        Path targets = tmp.resolve("targets.yaml");
        Files.writeString(targets, """
                targets:
                  - {id: national-ldn, level: national, metric: netLdn, goal: noNetLoss, baselineYear: 2015, targetYear: 2030}
                  - {id: degraded-share, metric: proportionDegraded, goal: {atMost: 3}, baselineYear: 2015, targetYear: 2030}
                """);
        CliRunner track = CliRunner.run("track", out.resolve("report.json").toString(), "--targets",
                targets.toString(), "--out", tmp.resolve("tracking").toString());
        assertEquals(0, track.exitCode(), track.err());
        html = tmp.resolve("example-report.html");
        List<String> args = new ArrayList<>(List.of("report", out.toString(), "--out", html.toString()));
        if (HeadlessChromium.executable() != null) {
            args.add("--pdf");
        }
        CliRunner rep = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, rep.exitCode(), rep.err());
        page = Jsoup.parse(html.toFile(), "UTF-8");
        reportTree = JSON.readTree(out.resolve("report.json").toFile());
        report = ReportJson.read(out.resolve("report.json"));
    }

    @Test
    void everyFigureWithAPathEqualsReportJson() {
        int checked = checkFigures(page, reportTree);
        // the transition matrices alone are 2 x 64 cells, the zones 17 x 4 figures
        assertTrue(checked > 200, "figures checked: " + checked);
        Element cards = page.selectFirst("#summary .cards");
        for (int i = 0; i < report.total().periods().size(); i++) {
            Report.PeriodReport p = report.total().periods().get(i);
            String kind = p.status3() != null ? "status3" : "sdg";
            assertEquals(1, cards.select("[data-src=total.periods[" + i + "]." + kind + ".proportionDegraded]").size(),
                    "the summary shows the proportion degraded of " + p.name());
        }
        assertFalse(page.select("#summary [data-src=total.periods[1].change.percentagePoints]").isEmpty());
        assertFalse(page.select("#summary [data-src=total.periods[1].ldnByLandType.types.1.deltaKm2]").isEmpty());
        assertTrue(page.select("#drought").isEmpty(), "no drought section without drought in report.json");
    }

    /**
     * Every figure of {@code page} with a {@code data-src} equals the field of report.json it names (a sum of
     * fields when the path joins several with {@code +}), and its text shows it; returns how many were checked.
     */
    static int checkFigures(Document page, JsonNode reportTree) {
        int checked = 0;
        for (Element e : page.select("[data-src]")) {
            String src = e.attr("data-src");
            if (src.isEmpty()) {
                continue;
            }
            JsonNode n = resolve(reportTree, src);
            if (n == null || n.isNull()) {
                assertEquals("", e.attr("data-value"), src + " is absent from report.json: shown as not computed");
                assertEquals("–", e.text().trim(), src);
            } else {
                assertTrue(n.isNumber(), src + " is a number");
                assertEquals(n.asDouble(), Double.parseDouble(e.attr("data-value")), 0.0, src);
                checkText(e);
                checked++;
            }
        }
        return checked;
    }

    @Test
    void manifestListsReportHtmlWithItsDigest() throws Exception {
        JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());
        JsonNode listed = null;
        for (JsonNode o : manifest.get("outputs")) {
            if (o.get("path").asText().equals("report.html")) {
                listed = o;
            }
        }
        assertTrue(listed != null, "report.html is listed in manifest.json");
        byte[] bytes = Files.readAllBytes(out.resolve("report.html"));
        assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(bytes)), listed.get("sha256").asText());
        assertEquals(bytes.length, listed.get("bytes").asLong());
        // the provenance of the document made with the run names the run file as the manifest does
        Document withRun = Jsoup.parse(out.resolve("report.html").toFile(), "UTF-8");
        assertTrue(withRun.select("#provenance").text().contains(manifest.get("runFile").get("sha256").asText()));
    }

    @Test
    void unccdTablesAreTheReportsTablesCellForCell() {
        Report total = new Report(report.schemaVersion(), report.engine(), report.createdAt(), report.run(),
                report.parameters(), report.inputs(), report.grid(), report.warnings(), List.of(), report.total());
        List<ReportingTable> expected = UnccdTables.of(total);
        List<Element> blocks = page.select("#tables .table-block");
        assertEquals(expected.size(), blocks.size());
        for (int t = 0; t < expected.size(); t++) {
            ReportingTable want = expected.get(t);
            Element block = blocks.get(t);
            assertEquals(want.id(), block.attr("data-table"));
            List<Element> rows = block.select("tbody tr");
            assertEquals(want.rows().size(), rows.size(), want.id());
            assertEquals(want.columns().size() - 2, block.select("thead th").size(), want.id() + " columns");
            for (int r = 0; r < rows.size(); r++) {
                List<Element> cells = rows.get(r).select("td");
                for (int c = 2; c < want.columns().size(); c++) {
                    Object cell = want.rows().get(r).get(c);
                    Element td = cells.get(c - 2);
                    String where = want.id() + " row " + r + " column " + want.columns().get(c).key();
                    if (cell instanceof Double d) {
                        assertEquals(d, Double.parseDouble(td.attr("data-value")), 0.0, where);
                        checkText(td);
                    } else if (cell == null) {
                        assertEquals("–", td.text().trim(), where);
                    } else {
                        assertEquals(String.valueOf(cell), td.text().trim(), where);
                    }
                }
            }
        }
        assertTrue(page.select("#tables thead th").eachText().stream().anyMatch(h -> h.contains("(km²)")),
                "columns carry their units");
    }

    @Test
    void zonesAreSortedByProportionDegraded() {
        List<Element> rows = page.select("#zones tbody tr");
        long withFigures = report.zones().stream().filter(z -> z.periods() != null).count();
        assertEquals(withFigures, rows.size());
        double last = Double.POSITIVE_INFINITY;
        int col = report.total().periods().size(); // area, then one column per period
        for (Element r : rows) {
            double d = Double.parseDouble(r.select("td").get(col).attr("data-value"));
            assertTrue(d <= last, "sorted, highest first: " + r.attr("data-zone"));
            last = d;
        }
    }

    @Test
    void pageIsSelfContained() {
        for (Element e : page.select("[src]")) {
            assertTrue(e.attr("src").startsWith("data:"), "inline image: " + e.tagName());
        }
        assertTrue(page.select("link[href], script[src], iframe, object, embed").isEmpty(), "no external resource");
        for (Element e : page.select("use")) {
            assertTrue(e.attr("href").startsWith("#"), "SVG references stay in the page");
        }
        assertFalse(page.html().contains("url(http"), "no remote URL in styles");
    }

    @Test
    void mapPicturesUseTheColoursOfTheQgisStyles() throws Exception {
        List<Element> maps = page.select("figure.map");
        assertEquals(9, maps.size(), "combined indicator per period, status, and the sub-indicators");
        checkMapPictures(maps, out);
    }

    /** Each map picture is drawn in the colours of the QGIS style beside its map, its legend the style's labels. */
    static void checkMapPictures(List<Element> maps, Path out) throws Exception {
        for (Element fig : maps) {
            Path map = out.resolve(fig.attr("data-file"));
            Set<Integer> palette = qmlColours(map.resolveSibling(map.getFileName().toString().replace(".tif", ".qml")));
            String uri = fig.selectFirst("img").attr("src");
            assertTrue(uri.startsWith("data:image/png;base64,"));
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(
                    Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1))));
            Set<Integer> seen = new HashSet<>();
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    int argb = img.getRGB(x, y);
                    if ((argb >>> 24) == 0) {
                        continue; // nodata: transparent
                    }
                    assertEquals(255, argb >>> 24, "opaque or transparent");
                    assertTrue(palette.contains(argb & 0xFFFFFF), fig.attr("data-file") + ": colour "
                            + Integer.toHexString(argb & 0xFFFFFF) + " is not in its QGIS style");
                    seen.add(argb & 0xFFFFFF);
                }
            }
            assertTrue(seen.size() >= 2, fig.attr("data-file") + " shows classes");
            List<String> legend = fig.select(".legend li").eachText();
            assertTrue(legend.containsAll(qmlLabels(map.resolveSibling(
                    map.getFileName().toString().replace(".tif", ".qml")))), "legend labels are the style's");
        }
    }

    @Test
    void trackingBesideTheOutputIsShown() {
        assertEquals(2, page.select("#summary table tbody tr th").stream()
                .filter(th -> th.text().startsWith("national-ldn") || th.text().startsWith("degraded-share")).count());
        assertTrue(page.select("#charts figure.chart svg").size() >= 6, "charts, target trajectories included");
    }

    @Test
    void qgisProjectNamesEveryMapAndStyleWithRelativePaths() throws Exception {
        Path qgs = out.resolve("maps").resolve("ldn.qgs");
        var doc = xml().parse(qgs.toFile());
        NodeList sources = doc.getElementsByTagName("datasource");
        Set<String> named = new HashSet<>();
        for (int i = 0; i < sources.getLength(); i++) {
            String s = sources.item(i).getTextContent();
            assertTrue(s.startsWith("./"), "relative path: " + s);
            named.add(s.replaceFirst("\\|.*", ""));
        }
        try (var files = Files.list(out.resolve("maps"))) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String n = p.getFileName().toString();
                if (n.endsWith(".tif")) {
                    assertTrue(named.contains("./" + n), n + " is a layer of ldn.qgs");
                    assertTrue(Files.readString(qgs).contains("value=\"./" + n.replace(".tif", ".qml") + "\""),
                            n + "'s style is named");
                }
            }
        }
        // the zones layer comes first in the layer tree (drawn on top) and points at the run's zones file
        var tree = doc.getElementsByTagName("layer-tree-layer");
        String zones = ((org.w3c.dom.Element) tree.item(0)).getAttribute("source").replaceFirst("\\|.*", "");
        assertEquals("zones", ((org.w3c.dom.Element) tree.item(0)).getAttribute("name"));
        assertTrue(Files.isRegularFile(out.resolve("maps").resolve(zones)), zones);
        assertEquals(2, doc.getElementsByTagName("layer-tree-group").getLength() - 1, "one group per period");
    }

    @Test
    void chromiumLoadsThePageCleanlyWithMapsAndCharts() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.executable() != null, NO_CHROMIUM);
        try (HeadlessChromium b = HeadlessChromium.start()) {
            for (String domain : List.of("Runtime", "Log", "Network", "Page")) {
                b.call(domain + ".enable", Map.of());
            }
            b.call("Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height", 900,
                    "deviceScaleFactor", 1, "mobile", false));
            String url = html.toUri().toString();
            b.call("Page.navigate", Map.of("url", url));
            b.await("Page.loadEventFired", 120);
            JsonNode rects = b.evaluate("JSON.stringify([...document.querySelectorAll("
                    + "'figure.map img, figure.map svg.overlay, figure.chart svg, .locator')].map(e => {"
                    + "const r = e.getBoundingClientRect(); return {tag: e.tagName, w: r.width, h: r.height,"
                    + " loaded: e.tagName !== 'IMG' || (e.complete && e.naturalWidth > 0)}; }))");
            JsonNode list = JSON.readTree(rects.asText());
            int maps = 0;
            int charts = 0;
            for (JsonNode r : list) {
                assertTrue(r.get("w").asDouble() > 100 && r.get("h").asDouble() > 50, "rendered size: " + r);
                assertTrue(r.get("loaded").asBoolean(), "image decoded: " + r);
                maps += r.get("tag").asText().equals("IMG") ? 1 : 0;
                charts += r.get("tag").asText().equalsIgnoreCase("svg") ? 1 : 0;
            }
            assertEquals(9, maps);
            assertTrue(charts >= 9 + 6, "overlays and charts: " + charts);
            JsonNode shot = b.call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", false));
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(shot.get("data").asText())));
            assertEquals(1280, img.getWidth(), "screenshot at 1280 px");
            Thread.sleep(300);
            for (JsonNode e : b.events("Runtime.consoleAPICalled")) {
                assertFalse(Set.of("error", "assert").contains(e.path("params").path("type").asText()), "console: " + e);
            }
            for (JsonNode e : b.events("Log.entryAdded")) {
                assertFalse("error".equals(e.path("params").path("entry").path("level").asText()), "log: " + e);
            }
            assertTrue(b.events("Runtime.exceptionThrown").isEmpty(), "no script error");
            for (JsonNode e : b.events("Network.requestWillBeSent")) {
                String u = e.path("params").path("request").path("url").asText();
                assertTrue(u.startsWith("data:") || u.equals(url), "network request: " + u);
            }
        }
    }

    @Test
    void pdfIsA4WithAPageBreakBeforeEverySection() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.executable() != null, NO_CHROMIUM);
        Path pdf = html.resolveSibling("example-report.pdf");
        List<String> sections = page.select("section.page > h2, footer.page > h2").eachText();
        sections.remove(0); // the summary opens the first page
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int pages = doc.getNumberOfPages();
            assertTrue(pages >= sections.size() + 1, "at least one page per section: " + pages);
            assertTrue(pages <= 3 * (sections.size() + 1), "no runaway pagination: " + pages);
            for (int i = 0; i < pages; i++) {
                assertEquals(595.3, doc.getPage(i).getMediaBox().getWidth(), 1.0, "A4 width (pt)");
                assertEquals(841.9, doc.getPage(i).getMediaBox().getHeight(), 1.0, "A4 height (pt)");
            }
            List<String> firstLines = new ArrayList<>();
            PDFTextStripper strip = new PDFTextStripper();
            for (int i = 1; i <= pages; i++) {
                strip.setStartPage(i);
                strip.setEndPage(i);
                String text = strip.getText(doc).strip();
                firstLines.add(text.isEmpty() ? "" : text.lines().findFirst().orElse("").strip());
            }
            for (String s : sections) {
                assertTrue(firstLines.contains(s), "section '" + s + "' starts a page; first lines: " + firstLines);
            }
            // The page count itself depends on the browser's layout of each section, which nothing outside the
            // browser predicts; what the print rules do fix: each section starts one page, in document order, and
            // no page is left blank (a doubled break would leave one).
            int last = 0;
            for (String s : sections) {
                int at = firstLines.indexOf(s);
                assertTrue(at > last, "section '" + s + "' starts a page after the previous one: " + firstLines);
                assertEquals(at, firstLines.lastIndexOf(s), "section '" + s + "' starts one page: " + firstLines);
                last = at;
            }
            for (int i = 0; i < pages; i++) {
                assertFalse(firstLines.get(i).isEmpty(), "page " + (i + 1) + " is blank: " + firstLines);
            }
        }
    }

    /**
     * {@code --zone ID}: the document is that zone's. Every figure with a path names that zone (none the total or
     * another zone) and equals report.json; the summary's proportion degraded per period and the UNCCD tables are the
     * zone's own figures (read from the parsed report, not from the page's paths); the zones section holds that zone
     * alone.
     */
    @Test
    void zoneReportShowsThatZoneAloneWithItsFigures() throws Exception {
        List<Report.ZoneReport> withFigures = report.zones().stream().filter(z -> z.periods() != null).toList();
        assertTrue(withFigures.size() >= 3, "the example has several zones");
        Report.ZoneReport zone = withFigures.get(withFigures.size() / 2);
        int index = report.zones().indexOf(zone);
        Path file = tmp.resolve("zone-" + zone.id() + ".html");
        CliRunner r = CliRunner.run("report", out.toString(), "--zone", zone.id(), "--out", file.toString());
        assertEquals(0, r.exitCode(), r.err());
        Document z = Jsoup.parse(file.toFile(), "UTF-8");
        String subject = z.selectFirst("#summary .subject").text();
        assertTrue(subject.startsWith(zone.name() + " (" + zone.id() + ") · area"), subject);
        int checked = checkFigures(z, reportTree);
        assertTrue(checked > 100, "figures checked: " + checked);
        String own = "zones[" + index + "].";
        for (Element e : z.select("[data-src]")) {
            for (String path : e.attr("data-src").split("\\+")) {
                assertTrue(path.isEmpty() || path.startsWith(own), "a figure of another zone or the total: " + path);
            }
        }
        Element cards = z.selectFirst("#summary .cards");
        for (int i = 0; i < zone.periods().size(); i++) {
            Report.PeriodReport p = zone.periods().get(i);
            Double want = (p.status3() != null ? p.status3() : p.sdg()).proportionDegraded();
            List<Element> shown = cards.select("[data-src=" + own + "periods[" + i + "]."
                    + (p.status3() != null ? "status3" : "sdg") + ".proportionDegraded]");
            assertEquals(1, shown.size(), p.name());
            assertEquals(want, Double.parseDouble(shown.get(0).attr("data-value")), 0.0, p.name());
        }
        assertEquals(List.of(zone.id()), z.select("#zones tbody tr").eachAttr("data-zone"));
        // the UNCCD tables are the zone's: the report with that zone alone gives them cell for cell
        Report alone = new Report(report.schemaVersion(), report.engine(), report.createdAt(), report.run(),
                report.parameters(), report.inputs(), report.grid(), report.warnings(), List.of(zone), null);
        List<ReportingTable> expected = UnccdTables.of(alone);
        List<Element> blocks = z.select("#tables .table-block");
        assertEquals(expected.size(), blocks.size());
        int cells = 0;
        for (int t = 0; t < expected.size(); t++) {
            ReportingTable want = expected.get(t);
            List<Element> rows = blocks.get(t).select("tbody tr");
            assertEquals(want.rows().size(), rows.size(), want.id());
            for (int row = 0; row < rows.size(); row++) {
                for (int c = 2; c < want.columns().size(); c++) {
                    if (want.rows().get(row).get(c) instanceof Double d) {
                        assertEquals(d, Double.parseDouble(rows.get(row).select("td").get(c - 2).attr("data-value")),
                                0.0, want.id() + " row " + row + " column " + c);
                        cells++;
                    }
                }
            }
        }
        assertTrue(cells > 20, "table cells checked: " + cells);
        // and they differ from the total's, so the comparison tells the zone from all zones together
        assertFalse(zone.areaKm2() == report.total().areaKm2());
    }

    @Test
    void badInputIsOneLine() {
        CliRunner none = CliRunner.run("report", tmp.resolve("nowhere").toString());
        assertEquals(3, none.exitCode());
        assertTrue(none.err().strip().endsWith("no report.json here (give the output folder of 'ldn run')"), none.err());
        assertEquals(1, none.err().strip().lines().count());
        CliRunner zone = CliRunner.run("report", out.toString(), "--zone", "XX", "--out", tmp.resolve("z.html").toString());
        assertEquals(3, zone.exitCode());
        assertTrue(zone.err().contains("--zone XX: no such zone in the report"), zone.err());
        assertFalse(Files.exists(tmp.resolve("z.html")), "nothing written");
    }

    /** An XML parser that does not fetch the DTD QGIS files name. */
    private static javax.xml.parsers.DocumentBuilder xml() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder();
    }

    /** The text shown equals the figure at the precision shown. */
    static void checkText(Element e) {
        String value = e.attr("data-value");
        String text = e.text().trim();
        int scale = Integer.parseInt(e.attr("data-scale"));
        String num = text.replace(" %", "").replace(" pp", "").replace(",", "").replace('−', '-').replace("+", "");
        int dot = num.indexOf('.');
        int decimals = dot < 0 ? 0 : num.length() - dot - 1;
        double shown = Double.parseDouble(num);
        assertEquals(Double.parseDouble(value) * scale, shown, 0.5 * Math.pow(10, -decimals) + 1e-9,
                "'" + text + "' shows " + value + " × " + scale);
    }

    /**
     * A path like {@code total.periods[1].status7Km2.3} in the report's JSON tree; several paths joined by
     * {@code +} give the sum of their numbers.
     */
    static JsonNode resolve(JsonNode root, String path) {
        if (path.contains("+")) {
            double sum = 0;
            for (String p : path.split("\\+")) {
                JsonNode n = resolve(root, p);
                if (n == null || !n.isNumber()) {
                    return null;
                }
                sum += n.asDouble();
            }
            return JSON.getNodeFactory().numberNode(sum);
        }
        JsonNode n = root;
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String key = bracket < 0 ? part : part.substring(0, bracket);
            n = n.get(key);
            if (n != null && bracket >= 0) {
                n = n.get(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
            }
            if (n == null) {
                return null;
            }
        }
        return n;
    }

    private static Set<Integer> qmlColours(Path qml) throws Exception {
        Set<Integer> out = new HashSet<>();
        NodeList entries = xml().parse(qml.toFile())
                .getElementsByTagName("paletteEntry");
        for (int i = 0; i < entries.getLength(); i++) {
            out.add(Integer.parseInt(((org.w3c.dom.Element) entries.item(i)).getAttribute("color").substring(1), 16));
        }
        return out;
    }

    private static List<String> qmlLabels(Path qml) throws Exception {
        List<String> out = new ArrayList<>();
        NodeList entries = xml().parse(qml.toFile())
                .getElementsByTagName("paletteEntry");
        for (int i = 0; i < entries.getLength(); i++) {
            out.add(((org.w3c.dom.Element) entries.item(i)).getAttribute("label"));
        }
        return out;
    }
}
