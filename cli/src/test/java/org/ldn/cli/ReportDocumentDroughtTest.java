package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.core.report.DroughtReport;
import org.ldn.core.report.Report;
import org.ldn.core.report.ReportJson;
import org.ldn.core.reporting.ReportingTable;
import org.ldn.core.reporting.So3Tables;

/**
 * The report of a run with drought ({@link DroughtRunTest}'s tiny run: planted drought over zone E in 2003 and
 * 2011): the drought summary and section show report.json's figures, the SO3 tables cell for cell, the charts, and
 * the block class maps in the colours of the drought QGIS styles.
 */
class ReportDocumentDroughtTest {
    @TempDir
    static Path tmp;
    static Path out;
    static Document page;
    static JsonNode tree;
    static Report report;

    @BeforeAll
    static void runWithDroughtAndReport() throws Exception {
        DroughtRunTest.write(tmp, DroughtRunTest.DROUGHT);
        out = tmp.resolve("out");
        CliRunner r = CliRunner.run("run", tmp.resolve("ldn.yaml").toString(), "--out", out.toString(), "--quiet",
                "--report");
        assertEquals(0, r.exitCode(), r.err());
        page = Jsoup.parse(out.resolve("report.html").toFile(), "UTF-8");
        tree = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        report = ReportJson.read(out.resolve("report.json"));
    }

    @Test
    void everyDroughtFigureEqualsReportJson() {
        int checked = ReportDocumentTest.checkFigures(page, tree);
        List<Element> drought = page.select("[data-src^=drought.]");
        DroughtReport d = report.drought();
        // per year: share and km²; per block: worst class area, share, exposed, risk area; DVI
        int expected = 2 * d.years().size() + 4 * d.blocks().size() + 1;
        assertTrue(drought.size() >= expected, "drought figures: " + drought.size() + " of at least " + expected);
        assertTrue(checked >= drought.size());
        for (int y : List.of(2003, 2011)) {
            Element share = page.selectFirst("#summary [data-src=drought.total.years." + y
                    + ".shareOfLandUnderDrought]");
            assertNotNull(share, "share of land under drought in " + y);
            assertTrue(Double.parseDouble(share.attr("data-value")) >= 60.0 / 240, "planted drought over E in " + y);
        }
        assertFalse(page.select("#summary [data-src=drought.total.vulnerability.meanDvi]").isEmpty(), "mean DVI");
        // the block holding 2003 has extreme or severe drought as its most severe class
        Element row = page.select("#summary .drought-summary tbody tr").stream()
                .filter(tr -> tr.selectFirst("th").text().equals("2000-2003")).findFirst().orElseThrow();
        assertTrue(row.text().contains("Extreme") || row.text().contains("Severe"), row.text());
        Element exposed = row.selectFirst("[data-src$=population.total.byClass.extreme]");
        assertNotNull(exposed, "population exposed: mild + moderate + severe + extreme");
        assertTrue(exposed.attr("data-src").split("\\+").length == 4);
    }

    @Test
    void so3TablesAreTheReportsTablesCellForCell() {
        DroughtReport d = report.drought();
        DroughtReport total = new DroughtReport(d.source(), d.k(), d.month(), d.calibration(), d.years(), d.blocks(),
                d.vulnerabilityComponents(), d.vulnerabilityWeights(), d.riskRule(), List.of(d.total()), d.total());
        List<ReportingTable> expected = So3Tables.of(new Report(report.schemaVersion(), report.engine(),
                report.createdAt(), report.run(), report.parameters(), report.inputs(), report.grid(),
                report.warnings(), List.of(), null, total, null, null));
        List<Element> blocks = page.select("#drought .table-block");
        assertEquals(4, expected.size(), "SO3-1.T1, SO3-1.T2, SO3-2.T1, SO3-3.T1");
        assertEquals(expected.size(), blocks.size());
        for (int t = 0; t < expected.size(); t++) {
            ReportingTable want = expected.get(t);
            Element block = blocks.get(t);
            assertEquals(want.id(), block.attr("data-table"));
            List<Element> rows = block.select("tbody tr");
            assertEquals(want.rows().size(), rows.size(), want.id());
            for (int r = 0; r < rows.size(); r++) {
                List<Element> cells = rows.get(r).select("td");
                for (int c = 2; c < want.columns().size(); c++) {
                    Object cell = want.rows().get(r).get(c);
                    Element td = cells.get(c - 2);
                    String where = want.id() + " row " + r + " column " + want.columns().get(c).key();
                    if (cell instanceof Double v) {
                        assertEquals(v, Double.parseDouble(td.attr("data-value")), 0.0, where);
                        ReportDocumentTest.checkText(td);
                    } else if (cell == null) {
                        assertEquals("–", td.text().trim(), where);
                    } else {
                        assertEquals(String.valueOf(cell), td.text().trim(), where);
                    }
                }
            }
        }
        List<String> heads = page.select("#drought thead th").eachText();
        assertTrue(heads.stream().anyMatch(h -> h.endsWith("(km²)")) && heads.stream().anyMatch(h -> h.endsWith("(%)"))
                && heads.stream().anyMatch(h -> h.endsWith("(persons)")), "columns carry their units: " + heads);
    }

    @Test
    void chartsAndBlockMapsInTheDroughtStylesColours() throws Exception {
        assertEquals(2, page.select("#drought figure.chart svg").size(), "area by class, population exposed");
        List<Element> maps = page.select("#drought figure.map");
        assertEquals(report.drought().blocks().size(), maps.size(), "one class map per reporting block");
        for (int i = 0; i < maps.size(); i++) {
            assertEquals("maps/drought_class_" + report.drought().blocks().get(i) + ".tif",
                    maps.get(i).attr("data-file"));
            assertTrue(Files.isRegularFile(out.resolve(maps.get(i).attr("data-file"))));
        }
        ReportDocumentTest.checkMapPictures(maps, out);
    }

    @Test
    void qgisProjectHoldsTheDroughtMapsInTheirStyles() throws Exception {
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var doc = f.newDocumentBuilder().parse(out.resolve("maps").resolve("ldn.qgs").toFile());
        String qgs = Files.readString(out.resolve("maps").resolve("ldn.qgs"));
        int drought = 0;
        try (var files = Files.list(out.resolve("maps"))) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String n = p.getFileName().toString();
                if (n.startsWith("drought_") && n.endsWith(".tif")) {
                    assertTrue(qgs.contains("<datasource>./" + n + "</datasource>"), n + " is a layer");
                    assertTrue(qgs.contains("value=\"./" + n.replace(".tif", ".qml") + "\""), n + "'s style");
                    drought++;
                }
            }
        }
        assertTrue(drought > report.drought().years().size(), "class and SPI maps per year, blocks, DVI");
        var groups = doc.getElementsByTagName("layer-tree-group");
        var last = (org.w3c.dom.Element) groups.item(groups.getLength() - 1);
        assertEquals("drought", last.getAttribute("name"));
    }
}
