"""For each feature of a polygon layer, burn it alone with GDAL and print its pixel count and the sum of its pixel
indices (row * width + col), one tab-separated line per feature: fid, count, index sum, name.

Usage: /usr/bin/python3 gdal_zone_counts.py FILE LAYER NAME_FIELD XMIN YMAX DX DY WIDTH HEIGHT
The raster is a MEM dataset with geotransform (XMIN, DX, 0, YMAX, 0, DY), like
gdal_rasterize -burn 1 -te XMIN YMIN XMAX YMAX -ts WIDTH HEIGHT -ot Byte -where "fid = N" FILE out.tif.
"""
import sys

import numpy as np
from osgeo import gdal, ogr

gdal.UseExceptions()
path, layer_name, name_field = sys.argv[1:4]
xmin, ymax, dx, dy = (float(v) for v in sys.argv[4:8])
width, height = int(sys.argv[8]), int(sys.argv[9])
ds = ogr.Open(path)
layer = ds.GetLayerByName(layer_name)
fids = [(f.GetFID(), f.GetField(name_field)) for f in layer]
index = np.arange(width * height, dtype=np.int64).reshape(height, width)
for fid, name in fids:
    layer.SetAttributeFilter("fid = %d" % fid)
    raster = gdal.GetDriverByName("MEM").Create("", width, height, 1, gdal.GDT_Byte)
    raster.SetGeoTransform([xmin, dx, 0, ymax, 0, dy])
    gdal.RasterizeLayer(raster, [1], layer, burn_values=[1])
    burnt = raster.GetRasterBand(1).ReadAsArray() == 1
    print("%d\t%d\t%d\t%s" % (fid, int(burnt.sum()), int(index[burnt].sum()), name))
