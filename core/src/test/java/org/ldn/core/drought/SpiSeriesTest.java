package org.ldn.core.drought;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ldn.core.InputException;

class SpiSeriesTest {
    /** 2 pixels, 1981-01 … 2010-12: pixel 0 varies, pixel 1 is 10 mm every month except planted cases. */
    private static float[] series(MonthlyCalendar cal, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] p = new float[cal.months() * 2];
        for (int t = 0; t < cal.months(); t++) {
            p[t * 2] = (float) (r.nextDouble() * 100);
            p[t * 2 + 1] = 10 + (t % 7);
        }
        return p;
    }

    @Test
    void kMonthSumsEndAtTheMonthAndNeedEveryMonth() {
        MonthlyCalendar cal = new MonthlyCalendar(2000, 11, 5);
        float[] p = {1, 2, 4, Float.NaN, 16};
        assertTrue(Double.isNaN(SpiSeries.sum(p, 1, 0, 1, 3)), "window starts before the series");
        assertEquals(7, SpiSeries.sum(p, 1, 0, 2, 3), "Nov + Dec + Jan");
        assertTrue(Double.isNaN(SpiSeries.sum(p, 1, 0, 4, 3)), "a nodata month inside the window");
        assertEquals(16, SpiSeries.sum(p, 1, 0, 4, 1));
        assertEquals(2001, cal.yearOf(2));
        assertEquals(1, cal.monthOf(2));
        assertEquals(2, cal.index(2001, 1));
    }

    @Test
    void yearlyKernelEqualsTheFitAndTransformDoneByHandPerPixel() {
        MonthlyCalendar cal = new MonthlyCalendar(1981, 1, 30 * 12);
        float[] p = series(cal, 3);
        Calibration c = new Calibration(1981, 2010);
        float[] spi = new float[30 * 2];
        SpiSeries.yearly(p, 2, cal, 3, 12, c, 1981, 30, spi);
        for (int px = 0; px < 2; px++) {
            double[] x = new double[30];
            for (int y = 0; y < 30; y++) {
                int dec = y * 12 + 11;
                x[y] = (double) p[(dec - 2) * 2 + px] + p[(dec - 1) * 2 + px] + p[dec * 2 + px];
            }
            double[] fit = new double[3];
            assertTrue(GammaFit.fit(x, 0, 1, 30, 20, fit, 0));
            for (int y = 0; y < 30; y++) {
                assertEquals((float) Spi.of(x[y], fit[0], fit[1], fit[2]), spi[y * 2 + px]);
            }
        }
    }

    @Test
    void aNodataMonthBlanksTheKWindowsThatHoldItOnly() {
        MonthlyCalendar cal = new MonthlyCalendar(1981, 1, 30 * 12);
        float[] p = series(cal, 5);
        p[cal.index(1995, 11) * 2] = Float.NaN;
        float[] spi1 = new float[30 * 2], spi3 = new float[30 * 2];
        Calibration c = new Calibration(1981, 2010);
        SpiSeries.yearly(p, 2, cal, 1, 12, c, 1981, 30, spi1);
        SpiSeries.yearly(p, 2, cal, 3, 12, c, 1981, 30, spi3);
        assertTrue(!Float.isNaN(spi1[14 * 2]), "SPI-1 at December 1995 does not hold November");
        assertTrue(Float.isNaN(spi3[14 * 2]), "SPI-3 at December 1995 holds November");
        assertTrue(!Float.isNaN(spi3[15 * 2]) && !Float.isNaN(spi3[13 * 2]));
        assertTrue(!Float.isNaN(spi3[14 * 2 + 1]), "the other pixel is untouched");
    }

    @Test
    void zeroMonthsGiveTheMixedDistributionAndAllZeroIsNodata() {
        MonthlyCalendar cal = new MonthlyCalendar(1981, 1, 30 * 12);
        float[] p = series(cal, 9);
        for (int y = 0; y < 30; y++) {
            int dec = cal.index(1981 + y, 12);
            p[dec * 2 + 1] = 0; // pixel 1: December is always dry
            if (y < 6) {
                p[dec * 2] = 0; // pixel 0: six dry Decembers of 30
            }
        }
        float[] spi = new float[30 * 2];
        SpiSeries.yearly(p, 2, cal, 1, 12, new Calibration(1981, 2010), 1981, 30, spi);
        assertEquals(-0.841621, spi[0], 1e-6, "H = q = 6/30 = 0.2: Φ⁻¹(0.2)");
        assertTrue(Float.isNaN(spi[1]), "every calibration sum is zero");
    }

    @Test
    void allMonthsEqualsYearlyForEachCalendarMonth() {
        MonthlyCalendar cal = new MonthlyCalendar(1981, 1, 30 * 12);
        float[] p = series(cal, 11);
        Calibration c = new Calibration(1981, 2010);
        float[] all = new float[cal.months() * 2];
        SpiSeries.allMonths(p, 2, cal, 6, c, all);
        for (int m = 1; m <= 12; m++) {
            float[] yearly = new float[30 * 2];
            SpiSeries.yearly(p, 2, cal, 6, m, c, 1981, 30, yearly);
            for (int y = 0; y < 30; y++) {
                for (int px = 0; px < 2; px++) {
                    assertEquals(yearly[y * 2 + px], all[cal.index(1981 + y, m) * 2 + px]);
                }
            }
        }
    }

    @Test
    void calibrationDefaultsTo1981To2010WhereCoveredElseTheWholeSeries() {
        assertEquals(new Calibration(1981, 2010), Calibration.resolve(null, 1980, 2023, "p"));
        assertEquals(new Calibration(1990, 2023), Calibration.resolve(null, 1990, 2023, "p"));
        assertEquals(new Calibration(1991, 2020), Calibration.resolve(new Calibration(1991, 2020), 1981, 2023, "p"));
    }

    @Test
    void aSeriesNotCoveringTheCalibrationIsAClearError() {
        InputException e = assertThrows(InputException.class,
                () -> Calibration.resolve(new Calibration(1981, 2010), 1990, 2023, "precip.tif"));
        assertEquals("precip.tif: the precipitation series covers 1990–2023 but the calibration period 1981–2010 is "
                + "not inside it (give calibration years inside the series, or leave them out to use 1981–2010 where "
                + "covered, else the whole series)", e.getMessage());
        InputException shortSeries = assertThrows(InputException.class,
                () -> Calibration.resolve(null, 2005, 2023, "precip.tif"));
        assertTrue(shortSeries.getMessage().contains("has 19 years; the SPI needs at least 20"));
    }
}
