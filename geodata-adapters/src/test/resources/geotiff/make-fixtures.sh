#!/usr/bin/env bash
# Recreates the GeoTIFF reader fixtures and their expected statistics (GDAL 3.6, python GDAL + numpy).
# Run from anywhere: bash geodata-adapters/src/test/resources/geotiff/make-fixtures.sh [path/to/shared/data]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
shared="${1:-$here/../../../../../../shared/data}"
cd "$here"
rm -f -- *.tif *.aux.xml
/usr/bin/python3 make_fixtures.py
# custom projected CRS without EPSG code (Lambert cylindrical equal-area), palette, striped, as in the original
gdal_translate -q -srcwin 1898 270 73 45 -co COMPRESS=DEFLATE -co BLOCKYSIZE=5 \
  "$shared/landcover/new_guinea_lc_2001.tif" custom_lcea_uint8_strip_deflate_palette.tif
rm -f -- *.aux.xml
/usr/bin/python3 gdal_checksums.py *.tif > expected-checksums.tsv
/usr/bin/python3 gdal_checksums.py --grids *.tif > expected-grids.tsv
