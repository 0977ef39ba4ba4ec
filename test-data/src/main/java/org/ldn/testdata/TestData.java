package org.ldn.testdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real data bundled with this module (see {@code org/ldn/testdata/README.md} for what each file is, its source
 * and licence), as files on disk so that readers which need a path can open them. Files are copied out of the
 * classpath into one temporary directory on first use, together with their sidecars (every bundled file whose name
 * starts with the file's stem and a dot: {@code x.tif.aux.xml} for {@code x.tif}, {@code x.dbf} for {@code x.shp}),
 * and deleted when the JVM exits. The copies are shared within one JVM: a test that changes a file must copy it
 * first. Thread-safe.
 */
public final class TestData {
    /** Land cover 2001, 600 × 400 pixels of 300 m around the PNG / Indonesia border (Byte, nodata 255). */
    public static final String LAND_COVER_2001 = "new_guinea_border_lc_2001.tif";
    /** Land cover 2015, same grid as {@link #LAND_COVER_2001}. */
    public static final String LAND_COVER_2015 = "new_guinea_border_lc_2015.tif";
    /** The land-cover legend: {@code code,name,unccd_class}. */
    public static final String LAND_COVER_LEGEND = "new_guinea_legend.csv";
    /** Soil organic carbon 0–30 cm 1990 over New Guinea, 0.0833333°, Int16 t/ha, nodata −32767. */
    public static final String SOC_1990 = "new_guinea_soc_0_30cm_1990.tif";
    /** Soil organic carbon 0–30 cm 2010, same grid as {@link #SOC_1990}. */
    public static final String SOC_2010 = "new_guinea_soc_0_30cm_2010.tif";
    /** IPCC climate zones over New Guinea, exactly 1/12° (does not align with the SOC grid), Byte, nodata 15. */
    public static final String CLIMATE_ZONES = "new_guinea_ipcc_climate_zones.tif";
    /** Admin-1 provinces of Papua New Guinea and Indonesian Papua, layer {@code admin1}, EPSG:4326. */
    public static final String PROVINCES = "new_guinea_admin1.gpkg";
    /** Ecoregions of New Guinea, layer {@code ecoregions}, in the land cover's CRS. */
    public static final String ECOREGIONS = "new_guinea_ecoregions.gpkg";
    /** 177 countries with a geodesic {@code area_km2}, layer {@code world}, EPSG:4326. */
    public static final String WORLD = "world_spdata.gpkg";
    /** Annual LAI over China 2001–2020, 20 bands, Float32, nodata NaN. */
    public static final String CHINA_LAI = "china_lai_annual_2001_2020.tif";
    /** Monthly GIMMS NDVI over central Alaska 1982–2011, 360 bands, Float32, nodata −3.4e38. */
    public static final String ALASKA_NDVI = "alaska_gimms_ndvi_monthly_1982_2011.tif";

    private static final String ROOT = "/org/ldn/testdata/";
    private static Path directory;

    private TestData() {
    }

    /** Names of all bundled files, as listed in {@code files.txt}. */
    public static List<String> names() {
        try (InputStream in = resource("files.txt")) {
            List<String> names = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    names.add(line.strip());
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The bundled file {@code name} (one of {@link #names()}) as a path on disk, with its sidecars beside it.
     *
     * @throws IllegalArgumentException when no such file is bundled
     */
    public static synchronized Path file(String name) {
        List<String> all = names();
        if (!all.contains(name)) {
            throw new IllegalArgumentException("no test data file " + name + "; there are " + all);
        }
        try {
            if (directory == null) {
                directory = Files.createTempDirectory("ldn-testdata");
                Runtime.getRuntime().addShutdownHook(new Thread(TestData::deleteDirectory));
            }
            for (String f : withSidecars(name, all)) {
                Path target = directory.resolve(f);
                if (!Files.exists(target)) {
                    try (InputStream in = resource(f)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return directory.resolve(name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy test data " + name, e);
        }
    }

    /** {@code name} and the files of {@code all} that start with its stem (the name without its last extension). */
    static List<String> withSidecars(String name, List<String> all) {
        int dot = name.lastIndexOf('.');
        String prefix = (dot > 0 ? name.substring(0, dot) : name) + ".";
        List<String> out = new ArrayList<>();
        out.add(name);
        for (String f : all) {
            if (!f.equals(name) && f.startsWith(prefix)) {
                out.add(f);
            }
        }
        return out;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = TestData.class.getResourceAsStream(ROOT + name);
        if (in == null) {
            throw new IOException("resource " + ROOT + name + " is missing from the classpath");
        }
        return in;
    }

    private static void deleteDirectory() {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort at exit: the directory is in the system's temporary directory
        }
    }
}
