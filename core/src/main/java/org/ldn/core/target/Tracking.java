package org.ldn.core.target;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The tracking of one target: observed values per reporting period, the straight path from the baseline to the
 * goal, the linear projection of the observed trend to the target year, on/off track and the remaining gap, all in
 * the target's unit.
 *
 * @param onTrack    the projected value at the target year meets the goal; {@code null} when there is no
 *                   observation yet. For net ΔLDN over all land types, every type must be on track (like for like)
 * @param gap        how much the latest observation still falls short of the goal (0 when it already meets it)
 * @param byLandType for net ΔLDN without a land-type filter: the tracking of each land type
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tracking(String id, String metric, String where, String unit, String goal, Point baseline,
        int targetYear, double goalValue, List<Observation> observations, Projection projection, Boolean onTrack,
        String status, double gap, Map<String, Tracking> byLandType) {

    /** A value at a year. */
    public record Point(int year, double value) {
    }

    /** One reporting period's value and the straight path's value at its year. */
    public record Observation(String period, int year, double value, double pathValue, boolean onPath) {
    }

    /** The least-squares line through the baseline and the observations, evaluated at the target year. */
    public record Projection(double slopePerYear, double valueAtTargetYear) {
    }
}
