package org.ldn.geodata.vector;

import org.locationtech.jts.geom.Geometry;

/**
 * A feature as a reader found it, before validation.
 *
 * @param label    how messages name the feature ("feature 12", "record 5")
 * @param id       the id attribute's text, or {@code null} when the value is null
 * @param name     the name attribute's text, or {@code null} (null value, or no name attribute chosen)
 * @param geometry the geometry in the file's CRS, or {@code null} for a null geometry
 */
record RawFeature(String label, String id, String name, Geometry geometry) {
}
