package org.ldn.core.engine;

import java.util.ArrayList;
import java.util.List;
import org.ldn.core.InputException;
import org.ldn.core.drought.Calibration;
import org.ldn.core.drought.MonthlyCalendar;
import org.ldn.core.drought.ReportingBlocks;
import org.ldn.core.raster.RasterSource;

/**
 * What the drought pass derives before the first tile: the reported years, the blocks that hold any of them, the
 * resolved calibration, the land-cover map giving each year's water, and the tile shape. Tiles follow the blocks
 * (tiles or strips) of the precipitation files, so that each block of each month is decoded once; a tile is
 * processed in bands ({@code bandWidth × bandHeight}) whose monthly series hold at most {@link #SERIES_FLOATS}
 * values: memory is bounded by the band, whatever the length of the series, and the blocks of the months in use
 * (one tile's worth per thread) stay in the block cache between the bands of a tile.
 *
 * @param blockLayers per block, the index of its first reported year and the number of its reported years
 * @param waterMap    per reported year, the index of its land-cover map among the land-cover years, or −1
 */
record DroughtPlan(List<Integer> years, List<ReportingBlocks.Block> blocks, int[][] blockLayers,
        Calibration calibration, int[] waterMap, List<Integer> landCoverYears, int tileWidth, int tileHeight,
        int bandWidth, int bandHeight, int readFrom, MonthlyCalendar readCalendar) {

    /** Floats of monthly series one tile may hold (32 MB). */
    static final int SERIES_FLOATS = 1 << 23;

    static DroughtPlan of(DroughtInputs in) {
        return of(in, SERIES_FLOATS);
    }

    /** The plan with a series budget of {@code budget} values per band (tests use small ones). */
    static DroughtPlan of(DroughtInputs in, int budget) {
        DroughtSpec spec = in.spec();
        List<Integer> available = new ArrayList<>();
        Calibration calibration = null;
        int months;
        if (in.precipitation() != null) {
            MonthlyCalendar cal = in.precipitation().calendar();
            String source = in.precipitation().sources().get(0).name();
            calibration = Calibration.resolve(spec.calibration(), cal.firstYear(), cal.lastYear(), source);
            for (int y = cal.firstYear(); y <= cal.lastYear(); y++) {
                if (cal.covers(y, spec.month(), spec.k())) {
                    available.add(y);
                }
            }
            months = cal.months();
        } else {
            available.addAll(in.suppliedSpi().keySet());
            months = 1;
        }
        if (available.isEmpty()) {
            throw new InputException("drought: the series has no year with an SPI-" + spec.k() + " at month "
                    + spec.month());
        }
        List<ReportingBlocks.Block> allBlocks = spec.blocks().blocks();
        int first = spec.firstYear() != null ? spec.firstYear()
                : Math.max(available.get(0), allBlocks.isEmpty() ? available.get(0) : allBlocks.get(0).first());
        int last = spec.lastYear() != null ? spec.lastYear()
                : Math.min(available.get(available.size() - 1),
                        allBlocks.isEmpty() ? Integer.MAX_VALUE : allBlocks.get(allBlocks.size() - 1).last());
        List<Integer> years = new ArrayList<>();
        for (int y : available) {
            if (y >= first && y <= last) {
                years.add(y);
            }
        }
        if (years.isEmpty()) {
            throw new InputException("drought: no year of the series (" + available.get(0) + "–"
                    + available.get(available.size() - 1) + ") lies in the reported years " + first + "–" + last);
        }
        if (spec.firstYear() != null && !years.contains(spec.firstYear())
                || spec.lastYear() != null && !years.contains(spec.lastYear())) {
            throw new InputException("drought.years: the series gives SPI-" + spec.k() + " at month " + spec.month()
                    + " for " + available.get(0) + "–" + available.get(available.size() - 1) + " only, not "
                    + first + "–" + last);
        }
        List<ReportingBlocks.Block> blocks = new ArrayList<>();
        List<int[]> layers = new ArrayList<>();
        for (ReportingBlocks.Block b : allBlocks) {
            int from = -1, count = 0;
            for (int i = 0; i < years.size(); i++) {
                if (years.get(i) >= b.first() && years.get(i) <= b.last()) {
                    from = from < 0 ? i : from;
                    count++;
                }
            }
            if (count > 0) {
                blocks.add(b);
                layers.add(new int[] {from, count});
            }
        }
        List<Integer> lcYears = new ArrayList<>(in.landCover().keySet());
        int[] water = new int[years.size()];
        for (int i = 0; i < years.size(); i++) {
            water[i] = -1;
            for (int j = 0; j < lcYears.size(); j++) {
                if (lcYears.get(j) <= years.get(i)) {
                    water[i] = j;
                }
            }
            if (water[i] < 0 && !lcYears.isEmpty()) {
                water[i] = 0;
            }
        }
        // the months read: from the first month of the earliest k-sum used (calibration or reported) to the latest
        int readFrom = 0;
        MonthlyCalendar readCalendar = null;
        if (in.precipitation() != null) {
            MonthlyCalendar cal = in.precipitation().calendar();
            int firstUsed = Math.min(calibration.firstYear(), years.get(0));
            int lastUsed = Math.max(calibration.lastYear(), years.get(years.size() - 1));
            readFrom = Math.max(0, cal.index(firstUsed, spec.month()) - spec.k() + 1);
            int readTo = Math.min(cal.months() - 1, cal.index(lastUsed, spec.month()));
            readCalendar = new MonthlyCalendar(cal.yearOf(readFrom), cal.monthOf(readFrom), readTo - readFrom + 1);
            months = readCalendar.months();
        }
        RasterSource blockSource = in.precipitation() != null ? in.precipitation().sources().get(0)
                : in.suppliedSpi().values().iterator().next();
        int[] block = blockSource.blockSize();
        int tw = block[0] > 0 && block[0] <= 1024 ? block[0] : Math.min(256, in.grid().width());
        int th = block[1] > 0 && block[1] <= 1024 ? block[1] : Math.min(256, in.grid().height());
        tw = Math.min(tw, in.grid().width());
        th = Math.min(th, in.grid().height());
        int[] shape = tileShape(tw, th, months, budget);
        if (in.suppliedSpi().isEmpty() && in.precipitation() == null) {
            throw new IllegalStateException();
        }
        for (RasterSource s : in.suppliedSpi().values()) {
            if (s.bandCount() < 1) {
                throw new InputException(s.name() + ": has no band");
            }
        }
        return new DroughtPlan(List.copyOf(years), List.copyOf(blocks), layers.toArray(new int[0][]), calibration,
                water, List.copyOf(lcYears), tw, th, shape[0], shape[1], readFrom, readCalendar);
    }

    /**
     * Tile width and height for series of {@code months} layers: full-width row bands when a row's series fits
     * {@link #SERIES_FLOATS}, else single-row runs of pixels.
     */
    static int[] tileShape(int width, int height, int months) {
        return tileShape(width, height, months, SERIES_FLOATS);
    }

    static int[] tileShape(int width, int height, int months, int budget) {
        if ((long) months * width <= budget) {
            return new int[] {width, (int) Math.max(1, Math.min(height, budget / ((long) months * width)))};
        }
        return new int[] {Math.max(1, budget / months), 1};
    }

    int periods() {
        return years.size() + blocks.size();
    }
}
