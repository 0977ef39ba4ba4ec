package org.ldn.core.drought;

import org.ldn.core.InputException;

/**
 * The calibration years of the SPI fits (METHOD.md §9), first..last inclusive. The default, 1981–2010 (the WMO's
 * climatological normal), is used where the series covers it, else every year of the series; years a run names
 * must lie inside the series (a clear error otherwise). At least {@link GammaFit#MIN_YEARS} years are needed.
 */
public record Calibration(int firstYear, int lastYear) {
    public static final int DEFAULT_FIRST = 1981, DEFAULT_LAST = 2010;

    public Calibration {
        if (lastYear < firstYear) {
            throw new IllegalArgumentException("calibration years " + firstYear + "–" + lastYear + " out of order");
        }
    }

    public int years() {
        return lastYear - firstYear + 1;
    }

    /**
     * The calibration for a series of years {@code seriesFirst..seriesLast}.
     *
     * @param given  the run's calibration years, or null for the default
     * @param source names the series in messages (a file or run-file key)
     */
    public static Calibration resolve(Calibration given, int seriesFirst, int seriesLast, String source) {
        Calibration c;
        if (given == null) {
            c = seriesFirst <= DEFAULT_FIRST && seriesLast >= DEFAULT_LAST
                    ? new Calibration(DEFAULT_FIRST, DEFAULT_LAST) : new Calibration(seriesFirst, seriesLast);
        } else {
            if (given.firstYear < seriesFirst || given.lastYear > seriesLast) {
                throw new InputException(source + ": the precipitation series covers " + seriesFirst + "–"
                        + seriesLast + " but the calibration period " + given.firstYear + "–" + given.lastYear
                        + " is not inside it (give calibration years inside the series, or leave them out to use "
                        + "1981–2010 where covered, else the whole series)");
            }
            c = given;
        }
        if (c.years() < GammaFit.MIN_YEARS) {
            throw new InputException(source + ": the calibration period " + c.firstYear + "–" + c.lastYear + " has "
                    + c.years() + " years; the SPI needs at least " + GammaFit.MIN_YEARS
                    + " (give a longer precipitation series)");
        }
        return c;
    }
}
