package org.ldn.cli.document;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.ldn.cli.output.MapPalette;
import org.ldn.core.landcover.LandCoverClass;
import org.ldn.core.report.DroughtReport;
import org.ldn.core.report.Report.AreaSummary;
import org.ldn.core.report.Report.LandTypeBalance;
import org.ldn.core.report.Report.PeriodReport;
import org.ldn.core.report.Report.SocStock;
import org.ldn.core.report.Report.ZoneReport;
import org.ldn.core.target.Tracking;

/**
 * The report's charts, drawn by XChart onto an SVG canvas ({@link SvgCanvas}) in the maps' colours
 * ({@link MapPalette}). Each method returns inline {@code <svg>} markup, or null when the report has no figure for
 * it. Areas in km², stocks in megatonnes of carbon (Mt C = 10⁶ t C).
 */
final class Charts {
    static final int WIDTH = 640;
    static final int HEIGHT = 340;
    private static final Color INK = new Color(0x33, 0x33, 0x33);
    private static final Color GRID = new Color(0xe3, 0xe3, 0xe3);
    private static final Color NODATA = new Color(0xbd, 0xbd, 0xbd);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    private Charts() {
    }

    /** Degraded, stable, improved and nodata land per period (status against the baseline for reporting periods). */
    static String areaByClass(ZoneReport z) {
        List<String> names = new ArrayList<>();
        List<Number> deg = new ArrayList<>();
        List<Number> sta = new ArrayList<>();
        List<Number> imp = new ArrayList<>();
        List<Number> nod = new ArrayList<>();
        for (PeriodReport p : z.periods()) {
            AreaSummary a = p.status3() != null ? p.status3() : p.sdg();
            names.add(p.name() + (p.status3() != null ? " (status)" : ""));
            deg.add(a.degradedKm2());
            sta.add(a.stableKm2());
            imp.add(a.improvedKm2());
            nod.add(a.noDataKm2());
        }
        CategoryChart c = category("Land area (km²)");
        c.getStyler().setStacked(true);
        color(c.addSeries("Degraded", names, deg), MapPalette.CLASSES.entry(-1));
        color(c.addSeries("Stable", names, sta), MapPalette.CLASSES.entry(0));
        color(c.addSeries("Improved", names, imp), MapPalette.CLASSES.entry(1));
        c.addSeries("No data", names, nod).setFillColor(NODATA);
        return svg(c);
    }

    /** Share of each LPD class within each land-cover class (at the end of the period), in percent. */
    static String lpdByLandCover(PeriodReport p) {
        Map<String, Map<String, Double>> m = p.lpdByLandCoverKm2();
        if (m == null || m.isEmpty()) {
            return null;
        }
        List<String> classes = new ArrayList<>();
        List<double[]> shares = new ArrayList<>();
        for (LandCoverClass lc : LandCoverClass.values()) {
            Map<String, Double> row = m.get(Integer.toString(lc.code()));
            if (row == null || lc == LandCoverClass.WATER) {
                continue;
            }
            double total = 0;
            double[] v = new double[5];
            for (int k = 1; k <= 5; k++) {
                v[k - 1] = row.getOrDefault(Integer.toString(k), 0.0);
                total += v[k - 1];
            }
            if (total <= 0) {
                continue;
            }
            for (int k = 0; k < 5; k++) {
                v[k] = 100 * v[k] / total;
            }
            classes.add(lc.label());
            shares.add(v);
        }
        if (classes.isEmpty()) {
            return null;
        }
        CategoryChart c = category("Share of the land (%)");
        c.getStyler().setStacked(true);
        c.getStyler().setYAxisMax(100.0);
        for (int k = 1; k <= 5; k++) {
            List<Number> ys = new ArrayList<>();
            for (double[] v : shares) {
                ys.add(v[k - 1]);
            }
            MapPalette.Entry e = MapPalette.LPD.entry(k);
            color(c.addSeries(e.label(), classes, ys), e);
        }
        return svg(c);
    }

    /** SOC stock per land-cover class in each year the report gives, Mt C. */
    static String socStock(ZoneReport z) {
        Map<String, SocStock> s = z.socStockTonnes();
        if (s == null || s.isEmpty()) {
            return null;
        }
        List<String> classes = new ArrayList<>();
        for (LandCoverClass lc : LandCoverClass.values()) {
            if (lc != LandCoverClass.WATER) {
                classes.add(lc.label());
            }
        }
        CategoryChart c = category("SOC stock, 0–30 cm (Mt C)");
        Color[] shades = {new Color(0xd8b365), new Color(0x8c510a), new Color(0x5ab4ac), new Color(0x01665e)};
        int i = 0;
        for (Map.Entry<String, SocStock> e : new TreeMap<>(s).entrySet()) {
            List<Number> ys = new ArrayList<>();
            for (LandCoverClass lc : LandCoverClass.values()) {
                if (lc != LandCoverClass.WATER) {
                    ys.add(e.getValue().byLandCoverClass().getOrDefault(Integer.toString(lc.code()), 0.0) / 1e6);
                }
            }
            c.addSeries(e.getKey(), classes, ys).setFillColor(shades[i++ % shades.length]);
        }
        return svg(c);
    }

    /** Gains, losses and ΔLDN per land type of one reporting period, km². */
    static String ldnByLandType(PeriodReport p, java.util.function.Function<String, String> typeLabel) {
        if (p.ldnByLandType() == null || p.ldnByLandType().types().isEmpty()) {
            return null;
        }
        List<String> types = new ArrayList<>();
        List<Number> gains = new ArrayList<>();
        List<Number> losses = new ArrayList<>();
        List<Number> delta = new ArrayList<>();
        for (Map.Entry<String, LandTypeBalance> e : p.ldnByLandType().types().entrySet()) {
            types.add(typeLabel.apply(e.getKey()));
            gains.add(e.getValue().gainsKm2());
            losses.add(-e.getValue().lossesKm2());
            delta.add(e.getValue().deltaKm2());
        }
        CategoryChart c = category("Area (km²); losses below zero");
        color(c.addSeries("Gains (status 6, 7)", types, gains), MapPalette.STATUS.entry(6));
        color(c.addSeries("Losses (status 1, 2)", types, losses), MapPalette.STATUS.entry(2));
        c.addSeries("ΔLDN (gains − losses)", types, delta).setFillColor(new Color(0x4d4d4d));
        return svg(c);
    }

    /** One target: observed values, the straight path to the goal, the projection of the trend, and the goal. */
    static String target(Tracking t) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).xAxisTitle("Year")
                .yAxisTitle(t.metric() + " (" + t.unit() + ")").build();
        style(c.getStyler());
        c.getStyler().setDatePattern(null);
        c.getStyler().setXAxisDecimalPattern("0");
        List<Number> ox = new ArrayList<>();
        List<Number> oy = new ArrayList<>();
        if (t.baseline() != null) {
            ox.add(t.baseline().year());
            oy.add(t.baseline().value());
        }
        for (Tracking.Observation o : t.observations()) {
            ox.add(o.year());
            oy.add(o.value());
        }
        if (ox.isEmpty()) {
            return null;
        }
        int y0 = t.baseline() != null ? t.baseline().year() : ox.get(0).intValue();
        double v0 = t.baseline() != null ? t.baseline().value() : oy.get(0).doubleValue();
        XYSeries path = c.addSeries("Path to the goal", List.of(y0, t.targetYear()), List.of(v0, t.goalValue()));
        path.setLineColor(new Color(0x555555));
        path.setLineStyle(SeriesLines.DASH_DASH);
        path.setMarker(SeriesMarkers.NONE);
        if (t.projection() != null) {
            int last = ox.get(ox.size() - 1).intValue();
            double lastV = oy.get(oy.size() - 1).doubleValue();
            XYSeries proj = c.addSeries("Projection of the trend", List.of(last, t.targetYear()),
                    List.of(lastV, t.projection().valueAtTargetYear()));
            proj.setLineColor(new Color(0xf46d43));
            proj.setLineStyle(SeriesLines.DOT_DOT);
            proj.setMarker(SeriesMarkers.NONE);
        }
        XYSeries obs = c.addSeries("Observed", ox, oy);
        obs.setLineColor(new Color(0x2b83ba));
        obs.setMarkerColor(new Color(0x2b83ba));
        obs.setMarker(SeriesMarkers.CIRCLE);
        obs.setLineStyle(new BasicStroke(2f));
        double lo = Math.min(t.goalValue(), v0);
        double hi = Math.max(t.goalValue(), v0);
        for (Number n : oy) {
            lo = Math.min(lo, n.doubleValue());
            hi = Math.max(hi, n.doubleValue());
        }
        if (t.projection() != null) {
            lo = Math.min(lo, t.projection().valueAtTargetYear());
            hi = Math.max(hi, t.projection().valueAtTargetYear());
        }
        double pad = Math.max(1e-9, (hi - lo) * 0.08);
        c.getStyler().setYAxisMin(lo - pad);
        c.getStyler().setYAxisMax(hi + pad);
        XYSeries goal = c.addSeries("Goal", List.of(t.targetYear()), List.of(t.goalValue()));
        goal.setMarker(SeriesMarkers.DIAMOND);
        goal.setMarkerColor(new Color(0x1a9641));
        goal.setLineStyle(SeriesLines.NONE);
        return svg(c);
    }

    /** Drought classes in the order of the maps' values 0..4. */
    private static final String[] DROUGHT_CLASSES = {"none", "mild", "moderate", "severe", "extreme"};

    /** Land area per drought-intensity class per reported year (SO3-1.T1), stacked, km². */
    static String droughtAreaByClass(DroughtReport.Zone z) {
        if (z.years() == null || z.years().isEmpty()) {
            return null;
        }
        List<String> years = new ArrayList<>(z.years().keySet());
        CategoryChart c = category("Land area (km²)");
        c.getStyler().setStacked(true);
        yearAxis(c, years.size());
        // the most severe class at the bottom: the coloured part of a bar is the land under drought
        for (int k = DROUGHT_CLASSES.length - 1; k >= 0; k--) {
            List<Number> ys = new ArrayList<>();
            for (String y : years) {
                ys.add(z.years().get(y).classKm2().getOrDefault(DROUGHT_CLASSES[k], 0.0));
            }
            color(c.addSeries(droughtLabel(k), years, ys), MapPalette.DROUGHT.entry(k));
        }
        List<Number> nod = new ArrayList<>();
        for (String y : years) {
            nod.add(z.years().get(y).classKm2().getOrDefault("nodata", 0.0));
        }
        c.addSeries("No data", years, nod).setFillColor(NODATA);
        return svg(c);
    }

    /** Population exposed to drought (mild to extreme) per reported year, by class, stacked (SO3-2), persons. */
    static String droughtPopulation(DroughtReport.Zone z) {
        if (z.years() == null || z.years().isEmpty()) {
            return null;
        }
        List<String> years = new ArrayList<>(z.years().keySet());
        for (String y : years) {
            if (z.years().get(y).population() == null || z.years().get(y).population().get("total") == null) {
                return null;
            }
        }
        CategoryChart c = category("Population exposed (persons)");
        c.getStyler().setStacked(true);
        yearAxis(c, years.size());
        for (int k = DROUGHT_CLASSES.length - 1; k >= 1; k--) {
            List<Number> ys = new ArrayList<>();
            for (String y : years) {
                ys.add(z.years().get(y).population().get("total").byClass().getOrDefault(DROUGHT_CLASSES[k], 0.0));
            }
            color(c.addSeries(droughtLabel(k), years, ys), MapPalette.DROUGHT.entry(k));
        }
        return svg(c);
    }

    /** The class's short name: "Mild" of "Mild (0 > SPI > -1)". */
    static String droughtLabel(int k) {
        String l = MapPalette.DROUGHT.entry(k).label();
        int paren = l.indexOf(" (");
        return paren < 0 ? l : l.substring(0, paren);
    }

    /** Many years: labels turned upright so they do not overlap. */
    private static void yearAxis(CategoryChart c, int years) {
        if (years > 8) {
            c.getStyler().setXAxisLabelRotation(90);
        }
    }

    private static CategoryChart category(String yTitle) {
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).yAxisTitle(yTitle).build();
        style(c.getStyler());
        c.getStyler().setAvailableSpaceFill(0.6);
        c.getStyler().setYAxisDecimalPattern("#,##0");
        return c;
    }

    private static void style(AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setPlotGridVerticalLinesVisible(false);
        s.setPlotGridLinesColor(GRID);
        s.setChartFontColor(INK);
        s.setAxisTickLabelsColor(INK);
        s.setAxisTickLabelsFont(TICK);
        s.setAxisTitleFont(TITLE);
        s.setLegendFont(LEGEND);
        s.setLegendBorderColor(Color.WHITE);
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setChartTitleVisible(false);
        s.setXAxisTitleVisible(false);
        s.setAxisTicksMarksVisible(false);
        s.setChartPadding(8);
        s.setLocale(java.util.Locale.ROOT);
        s.setToolTipsEnabled(false);
    }

    private static void color(CategorySeries s, MapPalette.Entry e) {
        s.setFillColor(new Color(e.rgb()));
    }

    private static String svg(Chart<?, ?> c) {
        return SvgCanvas.draw(WIDTH, HEIGHT, g -> c.paint(g, WIDTH, HEIGHT));
    }
}
