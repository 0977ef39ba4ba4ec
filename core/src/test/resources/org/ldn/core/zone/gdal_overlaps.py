"""Burn every feature of a polygon layer with GDAL's MERGE_ALG=ADD and print the number of pixels burnt more than
once, and the row and column of the first of them in row-major order (-1 -1 when there is none), tab-separated.

Usage: /usr/bin/python3 gdal_overlaps.py FILE LAYER XMIN YMAX DX DY WIDTH HEIGHT
like gdal_rasterize -burn 1 -add -te XMIN YMIN XMAX YMAX -ts WIDTH HEIGHT -ot Byte FILE out.tif.
"""
import sys

import numpy as np
from osgeo import gdal, ogr

gdal.UseExceptions()
path, layer_name = sys.argv[1:3]
xmin, ymax, dx, dy = (float(v) for v in sys.argv[3:7])
width, height = int(sys.argv[7]), int(sys.argv[8])
source = ogr.Open(path)  # keep a reference: the layer dies with its data source
layer = source.GetLayerByName(layer_name)
raster = gdal.GetDriverByName("MEM").Create("", width, height, 1, gdal.GDT_Byte)
raster.SetGeoTransform([xmin, dx, 0, ymax, 0, dy])
gdal.RasterizeLayer(raster, [1], layer, burn_values=[1], options=["MERGE_ALG=ADD"])
rows, cols = np.nonzero(raster.GetRasterBand(1).ReadAsArray() > 1)
print("%d\t%d\t%d" % (len(rows), rows[0] if len(rows) else -1, cols[0] if len(cols) else -1))
