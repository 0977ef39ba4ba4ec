package org.ldn.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ldn.cli.run.Digests;

/** Digests taken in the background equal those taken in line, whichever thread takes them. */
class BackgroundDigestsTest {
    @TempDir
    Path dir;

    @Test
    void equalTheDigestsTakenInLine() throws Exception {
        Files.createDirectories(dir.resolve("maps"));
        SplittableRandom rnd = new SplittableRandom(7);
        for (int threads : new int[] {1, 3}) {
            try (BackgroundDigests d = new BackgroundDigests(dir, threads)) {
                for (int k = 0; k < 12; k++) {
                    byte[] bytes = new byte[rnd.nextInt(3 << 20)];
                    rnd.nextBytes(bytes);
                    Files.write(dir.resolve("maps/" + k + ".tif"), bytes);
                    d.add("maps/" + k + ".tif");
                }
                Map<String, String> got = d.join();
                assertEquals(12, got.size());
                for (Map.Entry<String, String> e : got.entrySet()) {
                    assertEquals(Digests.sha256(dir.resolve(e.getKey())), e.getValue(), e.getKey());
                }
            }
        }
        // SHA-256 of "abc" (FIPS 180-2, appendix B.1)
        Files.writeString(dir.resolve("abc"), "abc");
        try (BackgroundDigests d = new BackgroundDigests(dir, 1)) {
            d.add("abc");
            assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", d.join().get("abc"));
        }
    }

    @Test
    void aFileThatCannotBeReadFailsTheJoin() {
        try (BackgroundDigests d = new BackgroundDigests(dir, 1)) {
            d.add("missing.tif");
            assertThrows(Exception.class, d::join);
        }
    }
}
