#!/usr/bin/python3
"""Writes the small GeoTIFF fixtures of the reader tests into the current directory (see make-fixtures.sh)."""
import numpy as np
from osgeo import gdal, osr

gdal.UseExceptions()
W, H = 73, 45  # odd sizes: partial last strips (7 rows) and tiles (32 x 16)
GT_4326 = (10.0, 0.01, 0.0, 50.0, 0.0, -0.01)

rng = np.random.default_rng(20240601)
rows, cols = np.indices((H, W))
BASE = np.sin(cols / 9.0) * np.cos(rows / 7.0) + rng.normal(0.0, 0.05, (H, W))  # about -1.2 .. 1.2

GDAL_TYPES = {"uint8": gdal.GDT_Byte, "int8": gdal.GDT_Byte, "int16": gdal.GDT_Int16, "uint16": gdal.GDT_UInt16,
              "int32": gdal.GDT_Int32, "uint32": gdal.GDT_UInt32, "float32": gdal.GDT_Float32,
              "float64": gdal.GDT_Float64, "float16": gdal.GDT_Float32}


def values(kind, base=BASE):
    """Samples of the given type made from a smooth field with noise, with the type's extremes at three pixels."""
    if kind in ("float32", "float16", "float64"):
        scale = {"float32": 10.0, "float16": 10.0, "float64": 1e5}[kind]
        dtype = np.float64 if kind == "float64" else np.float32
        a = (np.round(base * scale * 256) / 256).astype(dtype)  # few mantissa bits: compresses, keeps files small
        a[::9, ::5] = (base[::9, ::5] * scale).astype(dtype)  # and some full-precision values
        if kind == "float16":
            return a.astype(np.float16).astype(np.float32)
        big = np.float32(3.4e38) if kind == "float32" else 1.5e300  # float64: weighted sums must stay finite
        a[0, 0] = big
        a[H - 1, W - 1] = -big
        a[5, 50 % W] = np.finfo(dtype).tiny / 4  # a subnormal
        return a
    info = np.iinfo(kind)
    mid = (int(info.max) + int(info.min)) / 2.0
    span = (int(info.max) - int(info.min)) / 2.6
    a = np.clip(np.round(mid + span * base), info.min, info.max).astype(kind)
    a[0, 0] = info.min
    a[H - 1, W - 1] = info.max
    a[5, 50 % W] = info.min
    return a


def srs_of(code):
    s = osr.SpatialReference()
    s.ImportFromEPSG(code)
    return s.ExportToWkt()


def write(name, kind, arrays, layout="strip", compress="NONE", predictor=1, extra=(), nodata=None,
          gt=GT_4326, epsg=4326, scale=None, offset=None, metadata=None):
    opts = ["COMPRESS=" + compress]
    if compress in ("LZW", "DEFLATE"):
        opts.append("PREDICTOR=%d" % predictor)
    if layout == "tile":
        opts += ["TILED=YES", "BLOCKXSIZE=32", "BLOCKYSIZE=16"]
    else:
        opts += ["BLOCKYSIZE=7"]
    if kind == "int8":
        opts.append("PIXELTYPE=SIGNEDBYTE")
    if kind == "float16":
        opts.append("NBITS=16")
    opts += list(extra)
    ds = gdal.GetDriverByName("GTiff").Create(name, W, H, len(arrays), GDAL_TYPES[kind], options=opts)
    ds.SetGeoTransform(gt)
    ds.SetProjection(srs_of(epsg))
    if metadata:
        ds.SetMetadata(metadata)
    for i, a in enumerate(arrays):
        band = ds.GetRasterBand(i + 1)
        if nodata is not None:
            band.SetNoDataValue(nodata)
        if scale is not None:
            band.SetScale(scale)
            band.SetOffset(offset)
        band.WriteArray(a.view(np.uint8) if kind == "int8" else a)
    ds = None
    check(name, kind, arrays)


def check(name, kind, arrays):
    """GDAL must read back exactly what was written, else the fixture (or libtiff) is wrong."""
    ds = gdal.Open(name)
    for i, a in enumerate(arrays):
        back = ds.GetRasterBand(i + 1).ReadAsArray()
        if kind == "int8":
            back = back.view(np.int8)
        if kind == "float16":
            a = a.astype(np.float16).astype(np.float32)
        if not np.array_equal(a, back, equal_nan=np.issubdtype(a.dtype, np.floating)):
            raise SystemExit(f"{name}: band {i + 1} does not read back as written")


MATRIX = [("strip", "NONE", 1), ("tile", "NONE", 1), ("strip", "LZW", 2), ("tile", "LZW", 1),
          ("strip", "DEFLATE", 1), ("tile", "DEFLATE", 2), ("strip", "PACKBITS", 1), ("tile", "PACKBITS", 1)]
FLOAT_EXTRA = [("strip", "LZW", 3), ("tile", "DEFLATE", 3), ("tile", "LZW", 2)]

for kind in ("uint8", "int8", "int16", "uint16", "int32", "uint32", "float32", "float64"):
    for layout, comp, pred in MATRIX + (FLOAT_EXTRA if kind.startswith("float") else []):
        write(f"{kind}_{layout}_{comp.lower()}_p{pred}.tif", kind, [values(kind)], layout, comp, pred)
for layout, comp, pred in [("strip", "NONE", 1), ("tile", "DEFLATE", 3), ("strip", "LZW", 2)]:
    write(f"float16_{layout}_{comp.lower()}_p{pred}.tif", "float16", [values("float16")], layout, comp, pred)

# big-endian and BigTIFF. No big-endian file with predictor 3: GDAL 3.6's libtiff does not read back what it wrote
# (it swaps bytes before the floating-point predictor on write), so such a file would have no trustworthy reference.
for kind, layout, comp, pred in [("int16", "tile", "DEFLATE", 2), ("uint16", "strip", "NONE", 1),
                                 ("int32", "tile", "PACKBITS", 1), ("float32", "strip", "LZW", 1),
                                 ("float32", "tile", "LZW", 2), ("float64", "tile", "DEFLATE", 2),
                                 ("float64", "strip", "DEFLATE", 1), ("float16", "tile", "LZW", 1)]:
    write(f"be_{kind}_{layout}_{comp.lower()}_p{pred}.tif", kind, [values(kind)], layout, comp, pred,
          extra=["ENDIANNESS=BIG"])
write("bigtiff_int16_tile_deflate_p2.tif", "int16", [values("int16")], "tile", "DEFLATE", 2, extra=["BIGTIFF=YES"])
write("bigtiff_be_float32_strip_lzw_p2.tif", "float32", [values("float32")], "strip", "LZW", 2,
      extra=["BIGTIFF=YES", "ENDIANNESS=BIG"])

# multi-band, pixel- and band-interleaved (the predictors' stride is the number of samples per pixel)
def bands(kind, n):
    return [values(kind, np.roll(BASE, 11 * i, axis=1) * (1 - 0.2 * i)) for i in range(n)]

write("mb3_uint16_tile_deflate_p2_pixel.tif", "uint16", bands("uint16", 3), "tile", "DEFLATE", 2,
      extra=["INTERLEAVE=PIXEL"])
write("mb4_float32_strip_lzw_p3_pixel.tif", "float32", bands("float32", 4), "strip", "LZW", 3,
      extra=["INTERLEAVE=PIXEL"])
write("mb4_float32_tile_deflate_p2_pixel.tif", "float32", bands("float32", 4), "tile", "DEFLATE", 2,
      extra=["INTERLEAVE=PIXEL"])
write("mb3_int16_tile_lzw_p2_band.tif", "int16", bands("int16", 3), "tile", "LZW", 2, extra=["INTERLEAVE=BAND"])
write("mb2_float64_strip_deflate_p3_band.tif", "float64", bands("float64", 2), "strip", "DEFLATE", 3,
      extra=["INTERLEAVE=BAND"])
write("mb3_uint8_strip_packbits_rgb.tif", "uint8", bands("uint8", 3), "strip", "PACKBITS", 1,
      extra=["INTERLEAVE=PIXEL", "PHOTOMETRIC=RGB"])
write("mb3_int8_strip_none_pixel_be.tif", "int8", bands("int8", 3), "strip", "NONE", 1,
      extra=["INTERLEAVE=PIXEL", "ENDIANNESS=BIG"])

# nodata
def holes(a, value):
    a = a.copy()
    a[(rows * 7 + cols * 3) % 23 == 0] = value
    a[20:30, 40:60] = value
    return a

write("nodata_nan_float32_tile_deflate_p3.tif", "float32", [holes(values("float32"), np.nan)], "tile", "DEFLATE", 3,
      nodata=float("nan"))
f = holes(values("float32"), np.float32(-3.4e38))
write("nodata_m3.4e38_float32_strip_lzw_p2.tif", "float32", [f], "strip", "LZW", 2, nodata=-3.4e38)
write("nodata_m3.4e38_nan_float32_tile_none_p1.tif", "float32",
      [holes(f, np.nan)[:, ::-1].copy()], "tile", "NONE", 1, nodata=-3.4e38)
write("nodata_m32768_int16_tile_deflate_p2.tif", "int16", [holes(values("int16"), -32768)], "tile", "DEFLATE", 2,
      nodata=-32768)
write("nodata_255_uint8_strip_deflate_p1.tif", "uint8", [holes(values("uint8"), 255)], "strip", "DEFLATE", 1,
      nodata=255)
write("nodata_m9999_float64_strip_lzw_p3.tif", "float64", [holes(values("float64"), -9999.0)], "strip", "LZW", 3,
      nodata=-9999)
write("nodata_0_uint16_tile_packbits_p1.tif", "uint16", [holes(values("uint16"), 0)], "tile", "PACKBITS", 1, nodata=0)
write("nodata_m128_int8_tile_lzw_p2.tif", "int8", [holes(values("int8"), -128)], "tile", "LZW", 2, nodata=-128)
write("nodata_3b_uint32_tile_deflate_p2_pixel.tif", "uint32", [holes(a, 4294967295) for a in bands("uint32", 3)],
      "tile", "DEFLATE", 2, extra=["INTERLEAVE=PIXEL"], nodata=4294967295)

# scale and offset (GDAL_METADATA), area-or-point, other CRSs
write("scaled_int16_tile_deflate_p2.tif", "int16", [values("int16")], "tile", "DEFLATE", 2,
      nodata=-32768, scale=0.01, offset=5.0)
write("point_float32_strip_none_p1.tif", "float32", [values("float32")], metadata={"AREA_OR_POINT": "Point"})
write("utm33_int16_tile_deflate_p2.tif", "int16", [values("int16")], "tile", "DEFLATE", 2, nodata=-32768,
      gt=(500000.0, 30.0, 0.0, 5100000.0, 0.0, -30.0), epsg=32633)
write("laea3035_uint8_strip_lzw_p2.tif", "uint8", [values("uint8")], "strip", "LZW", 2, nodata=255,
      gt=(4321000.0, 100.0, 0.0, 3210000.0, 0.0, -100.0), epsg=3035)
