"""Gamma SPI of the `climate-indices` package (PyPI), for the engine's cross-check test (ClimateIndicesCrossCheckTest).

Input CSV, one series a line: id,firstYear,scale,calibrationFirst,calibrationLast,v1,...,vN (monthly, mm, from January
of firstYear, whole years; "nan" for nodata). Output CSV: id,spi1,...,spiN ("nan" where the package gives none).
The first line of the output is "version,<the package's version>".
"""
import sys
from importlib import metadata

import climate_indices
import numpy as np
from climate_indices import compute, indices


def main(inp, out):
    with open(inp, encoding="utf-8") as f, open(out, "w", encoding="utf-8") as o:
        try:
            version = metadata.version("climate-indices")
        except metadata.PackageNotFoundError:
            version = getattr(climate_indices, "__version__", "unknown")
        o.write("version," + version + "\n")
        for line in f:
            parts = line.strip().split(",")
            sid, first, scale, cal0, cal1 = parts[0], int(parts[1]), int(parts[2]), int(parts[3]), int(parts[4])
            values = np.array([float(x) for x in parts[5:]])
            spi = indices.spi(values, scale, indices.Distribution.gamma, first, cal0, cal1,
                              compute.Periodicity.monthly)
            spi = np.asarray(spi, dtype=float).ravel()[: len(values)]
            o.write(sid + "," + ",".join("nan" if np.isnan(s) else repr(float(s)) for s in spi) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
