package org.ldn.core.zone;

/**
 * Two zones that both contain some pixel centres of a grid.
 *
 * @param zoneA     index of the first zone (the smaller index)
 * @param zoneB     index of the second zone
 * @param idA       id of zone A
 * @param idB       id of zone B
 * @param pixels    number of pixels in both zones
 * @param firstCol  column of the first such pixel in row-major order
 * @param firstRow  row of that pixel
 * @param x         x (easting or longitude) of that pixel's centre, in the grid's CRS
 * @param y         y (northing or latitude) of that pixel's centre
 */
public record ZoneOverlap(int zoneA, int zoneB, String idA, String idB, long pixels, int firstCol, int firstRow,
        double x, double y) {
}
