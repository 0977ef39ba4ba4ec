package org.ldn.core.engine;

import org.ldn.core.drought.Calibration;
import org.ldn.core.drought.ReportingBlocks;

/**
 * What the drought part of a run computes (METHOD.md §9).
 *
 * @param k           the SPI scale in months: 1, 3, 6 or 12 (default 12)
 * @param month       the calendar month whose SPI classifies each year, 1..12 (default 12, December)
 * @param calibration the calibration years, or {@code null} for the default (1981–2010 where covered, else the
 *                    whole series)
 * @param blocks      the reporting blocks (default 2000–2003 … 2020–2023)
 * @param firstYear   the first year reported, or {@code null}: the first block's first year, or the series' first
 *                    year with an SPI when later
 * @param lastYear    the last year reported, or {@code null}: the last block's last year, or the series' last year
 *                    with an SPI when earlier
 */
public record DroughtSpec(int k, int month, Calibration calibration, ReportingBlocks blocks, Integer firstYear,
        Integer lastYear) {
    public static final int[] SCALES = {1, 3, 6, 12};

    public DroughtSpec {
        if (k != 1 && k != 3 && k != 6 && k != 12) {
            throw new org.ldn.core.InputException("drought.k: the SPI scale must be 1, 3, 6 or 12 months, not " + k);
        }
        if (month < 1 || month > 12) {
            throw new org.ldn.core.InputException("drought.month: must be 1..12, not " + month);
        }
        if (blocks == null) {
            blocks = ReportingBlocks.unccd();
        }
    }

    public static DroughtSpec defaults() {
        return new DroughtSpec(12, 12, null, ReportingBlocks.unccd(), null, null);
    }
}
