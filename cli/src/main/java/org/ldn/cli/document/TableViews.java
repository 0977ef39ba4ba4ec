package org.ldn.cli.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ldn.core.report.DroughtReport;
import org.ldn.core.report.Report;
import org.ldn.core.report.Report.ZoneReport;
import org.ldn.core.reporting.ReportingTable;
import org.ldn.core.reporting.So3Tables;
import org.ldn.core.reporting.UnccdTables;

/**
 * The UNCCD reporting tables ({@link UnccdTables}) of one zone (or of all zones together) as the document shows
 * them: the table's id and title, column labels with units, and every cell a {@link Figure} (or text). The zone
 * columns are left out: the section names the zone.
 */
final class TableViews {
    /** Leading key columns of every UNCCD table: zone id and zone name. */
    private static final int ZONE_COLUMNS = 2;

    private TableViews() {
    }

    /** A table: id (e.g. SO1-4.T2), title, column headers and rows of cells. */
    record Table(String id, String title, List<String> columns, List<Row> rows) {
    }

    record Row(List<Cell> cells) {
    }

    /** A cell: a figure (numeric) or a text. */
    record Cell(boolean numeric, Figure figure, String text) {
    }

    /** The tables of {@code subject} alone, in the reporting manual's order. */
    static List<Table> of(Report r, ZoneReport subject) {
        boolean total = subject == r.total();
        Report one = new Report(r.schemaVersion(), r.engine(), r.createdAt(), r.run(), r.parameters(), r.inputs(),
                r.grid(), r.warnings(), total ? List.of() : List.of(subject), total ? subject : null);
        List<Table> out = new ArrayList<>();
        for (ReportingTable t : UnccdTables.of(one)) {
            out.add(view(t));
        }
        return out;
    }

    /** The drought tables (SO3, {@link So3Tables}) of one drought zone (or of all zones together) alone. */
    static List<Table> so3(Report r, DroughtReport.Zone subject) {
        DroughtReport d = r.drought();
        DroughtReport only = new DroughtReport(d.source(), d.k(), d.month(), d.calibration(), d.years(), d.blocks(),
                d.vulnerabilityComponents(), d.vulnerabilityWeights(), d.riskRule(), List.of(subject), subject);
        Report one = new Report(r.schemaVersion(), r.engine(), r.createdAt(), r.run(), r.parameters(), r.inputs(),
                r.grid(), r.warnings(), List.of(), null, only, null, null);
        List<Table> out = new ArrayList<>();
        for (ReportingTable t : So3Tables.of(one)) {
            out.add(view(t));
        }
        return out;
    }

    private static Table view(ReportingTable t) {
        List<String> cols = new ArrayList<>();
        for (int c = ZONE_COLUMNS; c < t.columns().size(); c++) {
            cols.add(t.columns().get(c).label());
        }
        List<Row> rows = new ArrayList<>();
        for (List<Object> row : t.rows()) {
            List<Cell> cells = new ArrayList<>();
            for (int c = ZONE_COLUMNS; c < row.size(); c++) {
                cells.add(cell(row.get(c), t.columns().get(c).unit()));
            }
            rows.add(new Row(cells));
        }
        return new Table(t.id(), t.title(), cols, rows);
    }

    private static Cell cell(Object v, String unit) {
        if (v instanceof Double d) {
            Figure f = switch (unit) {
                case "%" -> Figure.percent(d, null);
                case "percentage points" -> Figure.points(d, null);
                case "t C", "t", "persons" -> Figure.whole(d, null);
                default -> Figure.of(d, "#,##0.00", 1, "", null);
            };
            return new Cell(true, f, null);
        }
        if (v == null) {
            return new Cell(true, Figure.km2(null, null), null);
        }
        if (v instanceof Number n) {
            return new Cell(false, null, n.toString());
        }
        return new Cell(false, null, String.valueOf(v));
    }

}
