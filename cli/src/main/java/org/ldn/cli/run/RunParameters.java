package org.ldn.cli.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ldn.core.engine.SubIndicator;
import org.ldn.core.landcover.Legend;
import org.ldn.core.landcover.TransitionMatrix;
import org.ldn.core.run.ResolvedRun;
import org.ldn.core.soc.ClimateFactor;
import org.ldn.core.zone.ZoneRaster;

/** The {@code parameters} of a report: every threshold, matrix, legend and coefficient a run used. Stateless. */
public final class RunParameters {
    private RunParameters() {
    }

    static Map<String, Object> describe(ResolvedRun run, Legend legend, List<TransitionMatrix> matrices,
            ZoneRaster zones, int[] matrixOfZone) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("subIndicators", run.subIndicators().stream().map(SubIndicator::key).toList());
        Map<String, Object> lg = new LinkedHashMap<>();
        lg.put("name", legend.name());
        Map<String, Integer> classes = new TreeMap<>();
        legend.classOf().forEach((code, cls) -> classes.put(String.valueOf(code), cls));
        lg.put("classOfCode", classes);
        lg.put("noDataCodes", legend.noData().stream().sorted().toList());
        p.put("legend", lg);
        List<Object> ms = new ArrayList<>();
        for (int i = 0; i < matrices.size(); i++) {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("name", matrices.get(i).name());
            List<String> ids = new ArrayList<>();
            for (int z = 0; z < matrixOfZone.length; z++) {
                if (matrixOfZone[z] == i) {
                    ids.add(zones.id(z));
                }
            }
            mm.put("zones", ids);
            List<List<Integer>> rows = new ArrayList<>();
            for (int[] r : matrices.get(i).toArray()) {
                rows.add(java.util.Arrays.stream(r).boxed().toList());
            }
            mm.put("matrix", rows);
            ms.add(mm);
        }
        p.put("transitionMatrices", ms);
        p.put("lpdNoDataValues", List.of(0, 15));
        p.put("socThresholdPercent", run.socThresholdPercent());
        if (run.file().soc() != null && run.file().soc().initial() != null) {
            Map<String, Object> tier1 = new LinkedHashMap<>();
            tier1.put("initialYear", run.file().soc().initial().year());
            tier1.put("conversionYears", org.ldn.core.soc.SocModel.CONVERSION_YEARS);
            tier1.put("climate", run.file().soc().climate());
            Map<String, Double> factors = new LinkedHashMap<>();
            factors.put("temperateDry", ClimateFactor.TEMPERATE_DRY);
            factors.put("temperateMoist", ClimateFactor.TEMPERATE_MOIST);
            factors.put("tropicalDry", ClimateFactor.TROPICAL_DRY);
            factors.put("tropicalMoist", ClimateFactor.TROPICAL_MOIST);
            factors.put("tropicalMontane", ClimateFactor.TROPICAL_MONTANE);
            tier1.put("climateFactors", factors);
            tier1.put("wetlandCroplandFactor", 0.71);
            tier1.put("toArtificialOrOtherFactor", 0.1);
            tier1.put("fromArtificialOrOtherFactor", 2.0);
            p.put("socTier1", tier1);
        }
        p.put("water", "UNCCD class 7 in the period's first land-cover year; reported apart, excluded from land area");
        p.put("zoneMembership", "pixel centre inside the polygon (gdal_rasterize without ALL_TOUCHED)");
        p.put("pixelArea", "WGS84 ellipsoid per row on geographic grids; cell size on projected grids");
        p.put("resampling", "nearest: a reference pixel takes the source pixel containing its centre");
        return p;
    }
}
