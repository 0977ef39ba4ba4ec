package org.ldn.geodata.geotiff;

import java.math.BigDecimal;

/**
 * The per-band statistics that {@code gdal_checksums.py} records with GDAL: valid count, exact sum of the valid
 * values, exact position-weighted sum (weight {@code ((row·31 + col·17) mod 97) + 1}), min and max. Sums are
 * accumulated exactly (BigDecimal) and rounded once, as Python's {@code math.fsum} does, so they compare with ==.
 */
record BandStats(long count, double sum, double wsum, double min, double max) {

    static BandStats of(double[] v, int width, int height) {
        long count = 0;
        long intSum = 0; // integral values are summed exactly in longs, the rest in BigDecimal
        long intWsum = 0;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal wsum = BigDecimal.ZERO;
        double min = Double.NaN;
        double max = Double.NaN;
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double x = v[r * width + c];
                if (Double.isNaN(x)) {
                    continue;
                }
                count++;
                int weight = ((r * 31 + c * 17) % 97) + 1;
                if (x == Math.rint(x) && Math.abs(x) < 1L << 32) {
                    intSum += (long) x;
                    intWsum += (long) x * weight;
                } else {
                    sum = sum.add(new BigDecimal(x));
                    wsum = wsum.add(new BigDecimal(x * weight));
                }
                min = count == 1 ? x : Math.min(min, x);
                max = count == 1 ? x : Math.max(max, x);
            }
        }
        return new BandStats(count, sum.add(BigDecimal.valueOf(intSum)).doubleValue(),
                wsum.add(BigDecimal.valueOf(intWsum)).doubleValue(), min, max);
    }

    /** Parses columns 2..6 of a {@code gdal_checksums.py} line. */
    static BandStats parse(String[] f) {
        return new BandStats(Long.parseLong(f[2]), num(f[3]), num(f[4]), num(f[5]), num(f[6]));
    }

    private static double num(String s) {
        return s.equals("nan") ? Double.NaN : Double.parseDouble(s);
    }
}
