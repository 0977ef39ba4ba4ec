package org.ldn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.ldn.geodata.geotiff.GeoTiffIO;
import org.ldn.testdata.SyntheticRun;
import org.ldn.cli.command.ExitCodes;

/**
 * Country reports for the tests of commands that read reports: {@code ldn batch} of the {@link SyntheticRun} over
 * Papua New Guinea and Indonesia, written once into {@code dir/batch}.
 */
final class BatchFixture {
    static final String PNG = "Papua New Guinea";
    static final String IDN = "Indonesia";

    private BatchFixture() {
    }

    /** The output of {@code ldn batch} into {@code dir/batch}: folders Papua_New_Guinea and Indonesia. */
    static Path countries(Path dir) {
        Path run = SyntheticRun.write(dir, new GeoTiffIO(), 7);
        Path out = dir.resolve("batch");
        CliRunner r = CliRunner.run("batch", run.toString(), "--zones", dir.resolve("world.gpkg").toString(), "--id-field",
                "name_long", "--only", PNG + "," + IDN, "--out", out.toString(), "-q");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        return out;
    }

}
