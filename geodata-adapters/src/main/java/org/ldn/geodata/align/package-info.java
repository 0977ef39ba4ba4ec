/**
 * Presenting any raster on the run's reference grid: {@link org.ldn.geodata.align.Regridded} wraps a
 * {@link org.ldn.core.raster.RasterSource} and resamples it by nearest neighbour, reading only the source pixels it
 * needs.
 */
package org.ldn.geodata.align;
