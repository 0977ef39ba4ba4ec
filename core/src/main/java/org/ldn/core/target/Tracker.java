package org.ldn.core.target;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ldn.core.InputException;
import org.ldn.core.report.Report;
import org.ldn.core.report.Report.PeriodReport;
import org.ldn.core.report.Report.ZoneReport;

/**
 * Tracks LDN targets (METHOD.md §7) against one or more reports (a baseline run and later reporting runs).
 * The reports must share the schema version, the grid and the baseline period; reporting periods met in several
 * reports must agree. A metric's baseline value comes from the baseline period (0 for net ΔLDN and gains, which are
 * measured against the baseline); each reporting period gives one observation, dated by the period's last
 * land-cover year (last SOC year for SOC stocks).
 */
public final class Tracker {
    /** A report and the file it came from (for messages). */
    public record Source(Path file, Report report) {
    }

    private final List<Source> sources;

    public Tracker(List<Source> sources) {
        if (sources.isEmpty()) {
            throw new InputException("no report given");
        }
        this.sources = List.copyOf(sources);
        Source first = sources.get(0);
        for (Source s : sources) {
            if (!Objects.equals(s.report().grid(), first.report().grid())) {
                throw new InputException(s.file() + ": its grid differs from " + first.file()
                        + "'s; reports tracked together must come from runs on the same grid");
            }
            PeriodReport b0 = baselineOf(first, first.report().total());
            PeriodReport b = baselineOf(s, s.report().total());
            if (!b.name().equals(b0.name()) || !b.landCoverYears().equals(b0.landCoverYears())
                    || !b.socYears().equals(b0.socYears())) {
                throw new InputException(s.file() + ": inconsistent years: its baseline " + b.name() + " "
                        + b.landCoverYears() + " differs from " + first.file() + "'s " + b0.name() + " "
                        + b0.landCoverYears());
            }
        }
    }

    public List<Tracking> track(List<Target> targets) {
        List<Tracking> out = new ArrayList<>();
        for (Target t : targets) {
            out.add(track(t));
        }
        return out;
    }

    Tracking track(Target t) {
        if (t.metric() == Metric.NET_LDN && t.landType() == null) {
            return likeForLike(t);
        }
        return series(t, t.landType(), t.id());
    }

    /** Net ΔLDN over all land types: each type tracked on its own; on track only when every type is. */
    private Tracking likeForLike(Target t) {
        TreeSet<Integer> types = new TreeSet<>();
        for (Source s : sources) {
            ZoneReport z = zone(s, t);
            for (PeriodReport p : reporting(s, z)) {
                if (p.ldnByLandType() != null) {
                    p.ldnByLandType().types().keySet().stream().filter(k -> !k.equals(Report.NODATA_LAND_TYPE))
                            .forEach(k -> types.add(Integer.valueOf(k)));
                }
            }
        }
        Tracking net = series(t, null, t.id());
        if (types.isEmpty()) {
            return net;
        }
        Map<String, Tracking> byType = new LinkedHashMap<>();
        boolean anyUnknown = false;
        boolean all = true;
        double gap = 0;
        for (int type : types) {
            Tracking one = series(t, type, t.id() + "/" + type);
            byType.put(String.valueOf(type), one);
            anyUnknown |= one.onTrack() == null;
            all &= Boolean.TRUE.equals(one.onTrack());
            gap += one.gap();
        }
        Boolean onTrack = anyUnknown ? null : all;
        return new Tracking(net.id(), net.metric(), net.where(), net.unit(), net.goal() + " in every land type",
                net.baseline(), net.targetYear(), net.goalValue(), net.observations(), net.projection(), onTrack,
                status(onTrack), gap, byType);
    }

    private Tracking series(Target t, Integer landType, String id) {
        Source first = sources.get(0);
        ZoneReport z0 = zone(first, t);
        PeriodReport base = baselineOf(first, z0);
        int baseYear = yearOf(t.metric(), base);
        if (t.baselineYear() != null && t.baselineYear() != baseYear) {
            throw new InputException("target " + t.id() + ": inconsistent years: baselineYear " + t.baselineYear()
                    + " but the reports' baseline period " + base.name() + " ends in " + baseYear);
        }
        if (t.targetYear() <= baseYear) {
            throw new InputException("target " + t.id() + ": targetYear " + t.targetYear()
                    + " is not after the baseline year " + baseYear);
        }
        double baseValue = t.unit().fromReport(value(t, landType, first, z0, base, true));
        TreeMap<Integer, Tracking.Point> points = new TreeMap<>();
        Map<String, Double> byPeriod = new LinkedHashMap<>();
        Map<String, Integer> yearOfPeriod = new LinkedHashMap<>();
        for (Source s : sources) {
            ZoneReport z = zone(s, t);
            for (PeriodReport p : reporting(s, z)) {
                double v = t.unit().fromReport(value(t, landType, s, z, p, false));
                int y = yearOf(t.metric(), p);
                Double seen = byPeriod.get(p.name());
                if (seen != null && (seen != v || yearOfPeriod.get(p.name()) != y)) {
                    throw new InputException(s.file() + ": period " + p.name() + " disagrees with the same period in"
                            + " another report (" + v + " against " + seen + " for target " + t.id() + ")");
                }
                if (y <= baseYear) {
                    throw new InputException(s.file() + ": inconsistent years: reporting period " + p.name()
                            + " ends in " + y + ", not after the baseline year " + baseYear);
                }
                if (points.containsKey(y) && seen == null) {
                    throw new InputException(s.file() + ": two reporting periods end in " + y
                            + " (" + p.name() + " and another); tracking needs one value per year");
                }
                byPeriod.put(p.name(), v);
                yearOfPeriod.put(p.name(), y);
                points.put(y, new Tracking.Point(y, v));
            }
        }
        Goal goal = t.goal();
        double goalValue = goal.threshold(baseValue);
        List<Tracking.Observation> obs = new ArrayList<>();
        for (var e : byPeriod.entrySet()) {
            int y = yearOfPeriod.get(e.getKey());
            double path = goal instanceof Goal.PerYear ? goalValue
                    : baseValue + (goalValue - baseValue) * (y - baseYear) / (t.targetYear() - baseYear);
            boolean onPath = goal.higherIsBetter() ? e.getValue() >= path : e.getValue() <= path;
            obs.add(new Tracking.Observation(e.getKey(), y, e.getValue(), path, onPath));
        }
        obs.sort((a, b) -> Integer.compare(a.year(), b.year()));
        Tracking.Projection projection = null;
        Boolean onTrack = null;
        double gap = 0;
        if (!obs.isEmpty()) {
            List<Tracking.Point> all = new ArrayList<>();
            all.add(new Tracking.Point(baseYear, baseValue));
            all.addAll(points.values());
            projection = LinearTrend.fit(all, t.targetYear());
            onTrack = goal.met(projection.valueAtTargetYear(), baseValue);
            double latest = obs.get(obs.size() - 1).value();
            gap = Math.max(0, goal.higherIsBetter() ? goalValue - latest : latest - goalValue);
        }
        return new Tracking(id, t.metric().key(), t.where() + (landType != null ? ", land type " + landType : ""),
                t.unit().key(), goal.describe(), new Tracking.Point(baseYear, baseValue), t.targetYear(), goalValue,
                obs, projection, onTrack, status(onTrack), gap, null);
    }

    private static String status(Boolean onTrack) {
        return onTrack == null ? "no observation yet" : onTrack ? "on track" : "off track";
    }

    private static int yearOf(Metric m, PeriodReport p) {
        return m == Metric.SOC_STOCK ? p.socYears().get(1) : p.landCoverYears().get(1);
    }

    private static PeriodReport baselineOf(Source s, ZoneReport z) {
        if (z.periods() == null || z.periods().isEmpty()) {
            throw new InputException(s.file() + ": zone " + z.id() + " has no period figures");
        }
        return z.periods().get(0);
    }

    private static List<PeriodReport> reporting(Source s, ZoneReport z) {
        baselineOf(s, z);
        return z.periods().subList(1, z.periods().size());
    }

    private static ZoneReport zone(Source s, Target t) {
        if (t.zone() == null) {
            return s.report().total();
        }
        for (ZoneReport z : s.report().zones()) {
            if (z.id().equals(t.zone())) {
                return z;
            }
        }
        throw new InputException(s.file() + ": unknown zone '" + t.zone() + "' (target " + t.id() + "; zones: "
                + String.join(", ", s.report().zones().stream().map(ZoneReport::id).toList()) + ")");
    }

    /** The metric's value in the report's units (km², proportion, tonnes). */
    private static double value(Target t, Integer landType, Source s, ZoneReport z, PeriodReport p, boolean baseline) {
        String what = s.file() + ": target " + t.id() + " (" + t.metric().key() + ") needs ";
        switch (t.metric()) {
            case PROPORTION_DEGRADED, DEGRADED_AREA -> {
                Report.AreaSummary a = baseline ? p.sdg() : p.status3();
                if (a == null) {
                    throw new InputException(what + "the status of period " + p.name() + ", which the report lacks");
                }
                if (t.metric() == Metric.DEGRADED_AREA) {
                    return a.degradedKm2();
                }
                if (a.proportionDegraded() == null) {
                    throw new InputException(what + "a land area in period " + p.name() + ", which is zero");
                }
                return a.proportionDegraded();
            }
            case NET_LDN, IMPROVED_AREA -> {
                if (baseline) {
                    return 0;
                }
                if (p.ldnByLandType() == null) {
                    throw new InputException(what + "ldnByLandType in period " + p.name() + ", which the report lacks");
                }
                double sum = 0;
                for (var e : p.ldnByLandType().types().entrySet()) {
                    if (landType == null || e.getKey().equals(String.valueOf(landType))) {
                        sum += t.metric() == Metric.NET_LDN ? e.getValue().deltaKm2() : e.getValue().gainsKm2();
                    }
                }
                return sum;
            }
            case LAND_COVER_AREA -> {
                String y = String.valueOf(p.landCoverYears().get(1));
                if (z.landCoverClassKm2() == null || z.landCoverClassKm2().get(y) == null) {
                    throw new InputException(what + "land-cover areas of " + y + ", which the report lacks");
                }
                return z.landCoverClassKm2().get(y).get(String.valueOf(t.landCoverClass()));
            }
            case CONVERSION_RATE -> {
                if (p.lcTransitionKm2() == null) {
                    throw new InputException(what + "the land-cover transitions of period " + p.name());
                }
                int years = p.landCoverYears().get(1) - p.landCoverYears().get(0);
                if (years <= 0) {
                    throw new InputException(what + "a period of at least one year; " + p.name() + " has none");
                }
                return p.lcTransitionKm2().get(String.valueOf(t.from())).get(String.valueOf(t.to())) / years;
            }
            case LPD_CLASS_AREA -> {
                if (p.lpdClassKm2() == null) {
                    throw new InputException(what + "LPD class areas of period " + p.name() + ", which the report lacks");
                }
                return p.lpdClassKm2().get(String.valueOf(t.landCoverClass()));
            }
            case SOC_STOCK -> {
                String y = String.valueOf(p.socYears().get(1));
                if (z.socStockTonnes() == null || z.socStockTonnes().get(y) == null) {
                    throw new InputException(what + "the SOC stock of " + y + ", which the report lacks");
                }
                return z.socStockTonnes().get(y).total();
            }
            default -> throw new IllegalStateException(t.metric().toString());
        }
    }
}
