package org.ldn.geodata.vector;

import java.util.List;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/** What a format reader returns: the features in file order and the CRS of their coordinates. */
record FeatureTable(CoordinateReferenceSystem crs, List<RawFeature> features) {
}
