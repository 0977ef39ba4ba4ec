package org.ldn.core.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One table for people and for machine import: an id (the UNCCD table it follows, e.g. {@code SO1-1.T4}), a file
 * name, a title, columns with their units, and rows of cells. A cell is a {@link String}, an {@link Integer} (a
 * year), a {@link Double} (an area, a stock, a percentage) or {@code null} (a figure not computed: blank).
 * Immutable once built.
 *
 * @param file  a file name without extension, safe on every system (e.g. {@code so1_1_t4_land_cover})
 * @param notes sentences a reader needs to read the table right (why a column is blank, what a row means); may be
 *              empty
 */
public record ReportingTable(String id, String file, String title, List<Column> columns, List<List<Object>> rows,
        List<String> notes) {

    /**
     * A column: {@code key} for machines (snake case, unit suffixed: {@code tree_covered_areas_km2}), {@code label}
     * for people with the unit in brackets ({@code Tree-covered areas (km²)}), and the unit alone ({@code km²},
     * {@code %}, {@code t C}, {@code t C/ha}, {@code percentage points}; empty for keys and names).
     */
    public record Column(String key, String label, String unit) {
        public Column {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(unit, "unit");
        }

        /** A column without unit (an id, a name, a period, a class). */
        public static Column text(String key, String label) {
            return new Column(key, label, "");
        }

        /** A column with a unit: the label gets the unit in brackets. */
        public static Column of(String key, String label, String unit) {
            return new Column(key, label + " (" + unit + ")", unit);
        }
    }

    /** A table without notes. */
    public ReportingTable(String id, String file, String title, List<Column> columns, List<List<Object>> rows) {
        this(id, file, title, columns, rows, List.of());
    }

    public ReportingTable {
        notes = notes == null ? List.of() : List.copyOf(notes);
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>();
        for (List<Object> r : rows) {
            if (r.size() != columns.size()) {
                throw new IllegalArgumentException(id + ": a row has " + r.size() + " cells for " + columns.size()
                        + " columns");
            }
            copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(r)));
        }
        rows = List.copyOf(copy);
    }

    /** Collects the rows of a table. Not thread-safe. */
    static final class Builder {
        private final String id;
        private final String file;
        private final String title;
        private final List<Column> columns;
        private final List<List<Object>> rows = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        Builder(String id, String file, String title, List<Column> columns) {
            this.id = id;
            this.file = file;
            this.title = title;
            this.columns = columns;
        }

        void add(List<Object> row) {
            rows.add(row);
        }

        /** Adds a note for the reader (shown with the title, kept in the JSON). */
        void note(String text) {
            notes.add(text);
        }

        ReportingTable build() {
            return new ReportingTable(id, file, title, columns, rows, notes);
        }
    }
}
