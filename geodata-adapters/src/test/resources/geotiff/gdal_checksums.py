#!/usr/bin/python3
"""Per-band statistics of GeoTIFF files as GDAL reads them, the reference the Java reader is tested against.

Usage: /usr/bin/python3 gdal_checksums.py [--grids] FILE... > table.tsv
With --grids: one line per file: name, width, height, bands, sample type, nodata, scale, offset, the six
geotransform numbers (GDAL order) and the EPSG code GDAL identifies ("-" when none).
Otherwise one line per band: file name, band (1-based), valid pixel count, sum of valid values, weighted sum, min, max.
Valid = neither NaN nor the band's nodata value after conversion to the band's data type (as GDAL compares).
sum = math.fsum of the valid values (exactly rounded); wsum = math.fsum of value * (((row*31 + col*17) % 97) + 1),
which changes when pixels move. Values are stored samples (no scale/offset). Int8 (PIXELTYPE=SIGNEDBYTE in
GDAL 3.6) is reinterpreted as signed. Numbers are printed with repr() so they round-trip exactly.
"""
import math
import os
import sys

import numpy as np
from osgeo import gdal

gdal.UseExceptions()


def nodata_mask(a, nd):
    mask = np.zeros(a.shape, dtype=bool)
    if np.issubdtype(a.dtype, np.floating):
        mask |= np.isnan(a)
        if nd is not None and not math.isnan(nd):
            mask |= a == np.array([nd]).astype(a.dtype)[0]
    elif nd is not None and math.isfinite(nd) and nd == math.floor(nd):
        info = np.iinfo(a.dtype)
        if info.min <= nd <= info.max:
            mask |= a == int(nd)
    return mask


SAMPLE_TYPES = {"Byte": "UINT8", "Int16": "INT16", "UInt16": "UINT16", "Int32": "INT32", "UInt32": "UINT32",
                "Float32": "FLOAT32", "Float64": "FLOAT64"}


def grids(paths):
    print("# file\twidth\theight\tbands\ttype\tnodata\tscale\toffset\tgt0\tgt1\tgt2\tgt3\tgt4\tgt5\tepsg")
    for path in paths:
        ds = gdal.Open(path)
        band = ds.GetRasterBand(1)
        kind = SAMPLE_TYPES[gdal.GetDataTypeName(band.DataType)]
        if band.GetMetadataItem("PIXELTYPE", "IMAGE_STRUCTURE") == "SIGNEDBYTE":
            kind = "INT8"
        nd = band.GetNoDataValue()
        srs = ds.GetSpatialRef()
        srs.AutoIdentifyEPSG()
        code = srs.GetAuthorityCode(None) or "-"
        gt = "\t".join(repr(float(g)) for g in ds.GetGeoTransform())
        print(f"{os.path.basename(path)}\t{ds.RasterXSize}\t{ds.RasterYSize}\t{ds.RasterCount}\t{kind}\t"
              f"{'none' if nd is None else repr(nd)}\t{band.GetScale() or 1.0!r}\t{band.GetOffset() or 0.0!r}\t"
              f"{gt}\t{code}")


def main(paths):
    print("# file\tband\tcount\tsum\twsum\tmin\tmax")
    for path in paths:
        ds = gdal.Open(path)
        for b in range(1, ds.RasterCount + 1):
            band = ds.GetRasterBand(b)
            a = band.ReadAsArray()
            if band.GetMetadataItem("PIXELTYPE", "IMAGE_STRUCTURE") == "SIGNEDBYTE":
                a = a.view(np.int8)
            mask = ~nodata_mask(a, band.GetNoDataValue())
            rows, cols = np.indices(a.shape)
            w = ((rows * 31 + cols * 17) % 97 + 1).astype(np.float64)
            v = a[mask].astype(np.float64)
            s = math.fsum(v)
            ws = math.fsum(v * w[mask])
            mn = repr(float(v.min())) if v.size else "nan"
            mx = repr(float(v.max())) if v.size else "nan"
            print(f"{os.path.basename(path)}\t{b}\t{v.size}\t{s!r}\t{ws!r}\t{mn}\t{mx}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--grids"]:
        grids(sys.argv[2:])
    else:
        main(sys.argv[1:])
