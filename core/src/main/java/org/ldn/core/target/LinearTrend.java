package org.ldn.core.target;

import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/** The least-squares line through (year, value) points, projected to a year (Apache Commons Math). */
final class LinearTrend {
    private LinearTrend() {
    }

    static Tracking.Projection fit(List<Tracking.Point> points, int year) {
        SimpleRegression r = new SimpleRegression();
        for (Tracking.Point p : points) {
            r.addData(p.year(), p.value());
        }
        double slope = r.getSlope();
        if (Double.isNaN(slope)) {
            slope = 0;
        }
        double intercept = points.size() == 1 ? points.get(0).value() : r.getIntercept();
        return new Tracking.Projection(slope, intercept + slope * year);
    }
}
