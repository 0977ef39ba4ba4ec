"""GDAL reference of ldn bench --drought in ONE process (no start-up per file): decodes every band of every file given
and prints the seconds. Usage: /usr/bin/python3 bench/src/main/python/gdal_decode.py DIR/*.tif (needs python3-gdal)."""
import sys, time
from osgeo import gdal
gdal.UseExceptions()
files = sys.argv[1:]
t0 = time.time()
px = 0
for f in files:
    ds = gdal.Open(f)
    for b in range(ds.RasterCount):
        a = ds.GetRasterBand(b + 1).ReadAsArray()
        px += a.size
    ds = None
print("GDAL %s, one process, %d files, %.3g px decoded: %.1f s" % (gdal.__version__, len(files), px, time.time() - t0))
