/**
 * Zone boundaries from GeoPackage, Shapefile and GeoJSON files: {@link org.ldn.geodata.vector.ZoneFiles} reads a
 * file into checked {@link org.ldn.geodata.vector.Boundaries}, which turn into core's
 * {@link org.ldn.core.zone.ZoneShape}s in the reference grid's CRS.
 */
package org.ldn.geodata.vector;
