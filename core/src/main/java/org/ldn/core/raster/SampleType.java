package org.ldn.core.raster;

/** The stored type of a raster's samples, as GeoTIFF and GDAL name them. */
public enum SampleType {
    INT8(1, false), UINT8(1, false), INT16(2, false), UINT16(2, false), INT32(4, false), UINT32(4, false),
    FLOAT32(4, true), FLOAT64(8, true);

    private final int bytes;
    private final boolean floating;

    SampleType(int bytes, boolean floating) {
        this.bytes = bytes;
        this.floating = floating;
    }

    public int bytes() {
        return bytes;
    }

    public boolean isFloatingPoint() {
        return floating;
    }
}
