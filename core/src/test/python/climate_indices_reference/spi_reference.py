"""Gamma SPI following the computation path of the `climate-indices` package (github.com/monocongo/climate_indices,
`indices.spi` with `Distribution.gamma`, monthly), for ClimateIndicesReferenceTest. Needs only NumPy and SciPy
(Debian: python3-numpy python3-scipy), so it runs where the package itself cannot be installed.

The steps, as the package performs them (see NOTICE.md in this folder for its copyright and licence):
  1. k-month running sums; the first k-1 months and any window holding a missing month are missing;
  2. the sums as a (years, 12) table; named calibration years not covered by the record fall back to the record;
  3. per calendar month, Thom's gamma estimator on the positive calibration sums (zeros and missing left out):
     A = ln(mean) - mean(ln x), alpha = (1 + sqrt(1 + 4A/3)) / (4A), beta = mean / alpha;
  4. the probability of a zero sum q: the rule of the package's releases before 3.0.0 ("record": zero sums of the
     whole record over its number of years, missing years included; q = 1 is reset to 0) or the engine's rule, the
     package's from 3.0.0 on ("calibration": zero sums over valid sums, both in the calibration years);
  5. H = q + (1 - q) * G(x; alpha, beta), with G = 0 for a zero sum; SPI = Phi^-1(H) clipped to [-3.09, 3.09].

Input CSV, one series a line: id,firstYear,scale,calibrationFirst,calibrationLast,v1,...,vN (monthly, mm, from
January of firstYear, whole years; "nan" for missing). Output CSV: id,spi1,...,spiN ("nan" where none), first line
"version,reference-numpy-<v>-scipy-<v>".
Usage: spi_reference.py IN OUT record|calibration
"""
import sys

import numpy as np
import scipy
import scipy.stats

LOW, HIGH = -3.09, 3.09


def running_sums(values, k):
    out = np.full(values.shape, np.nan)
    if k <= len(values):
        out[k - 1:] = np.convolve(values, np.ones(k), mode="valid")  # NaN anywhere in a window gives NaN
    return out


def spi(values, k, first, cal0, cal1, zero_rule):
    years = len(values) // 12
    sums = running_sums(values, k).reshape(years, 12)
    if cal0 < first or cal1 > first + years:
        cal0, cal1 = first, first + years
    cal = sums[cal0 - first: cal1 - first + 1]
    zero = sums == 0
    with np.errstate(invalid="ignore", divide="ignore"):
        if zero_rule == "record":
            q = zero.sum(axis=0) / years
            q[np.isclose(q, 1.0)] = 0.0
        else:
            valid = (~np.isnan(cal)).sum(axis=0)
            q = np.where(valid > 0, (cal == 0).sum(axis=0) / np.maximum(valid, 1), np.nan)
        positive = np.where(cal > 0, cal, np.nan)
        with np.testing.suppress_warnings() as sup:
            sup.filter(RuntimeWarning)
            mean = np.nanmean(positive, axis=0)
            a = np.log(mean) - np.nanmean(np.log(positive), axis=0)
        alpha = (1 + np.sqrt(1 + 4 * a / 3)) / (4 * a)
        beta = mean / alpha
        g = scipy.stats.gamma.cdf(np.where(sums > 0, sums, np.nan), a=alpha, scale=beta)
        g[zero] = 0.0
        h = q + (1 - q) * g
        z = scipy.stats.norm.ppf(h)
    return np.clip(z, LOW, HIGH).ravel()


def main(inp, out, zero_rule):
    with open(inp, encoding="utf-8") as f, open(out, "w", encoding="utf-8") as o:
        o.write("version,reference-numpy-%s-scipy-%s\n" % (np.__version__, scipy.__version__))
        for line in f:
            p = line.strip().split(",")
            values = np.array([float(x) for x in p[5:]])
            z = spi(values, int(p[2]), int(p[1]), int(p[3]), int(p[4]), zero_rule)
            o.write(p[0] + "," + ",".join("nan" if np.isnan(s) else repr(float(s)) for s in z) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
