package org.ldn.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Digests kept between runs: reused while a file is unchanged (size, time, identity), recomputed otherwise. */
class DigestCacheTest {
    /** SHA-256 of the 3 bytes "abc" (FIPS 180-2, appendix B.1). */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path tmp;

    @Test
    void reusesTheDigestOfAnUnchangedFileOnlyWhileItIsUnchanged() throws Exception {
        Path f = tmp.resolve("in.tif");
        Files.writeString(f, "abc");
        Files.setLastModifiedTime(f, FileTime.fromMillis(1_700_000_000_123L));
        Path cacheFile = tmp.resolve("cache").resolve("digests.tsv");
        DigestCache first = DigestCache.at(cacheFile);
        assertEquals(new DigestCache.Digest(3, ABC), first.digest(f, "in.tif"));
        first.save();

        // a cache file whose entry for f says another digest: a later run takes it without hashing (this is how
        // we see that the file was not read again)
        String bogus = "0".repeat(64);
        List<String> lines = Files.readAllLines(cacheFile);
        assertEquals(1, lines.size());
        Files.writeString(cacheFile, lines.get(0).replace(ABC, bogus) + "\n");
        assertEquals(bogus, DigestCache.at(cacheFile).digest(f, "in.tif").sha256());

        // same size, another time: hashed again
        Files.writeString(f, "abd");
        Files.setLastModifiedTime(f, FileTime.fromMillis(1_700_000_000_124L));
        String abd = Digests.sha256(f);
        assertEquals(abd, DigestCache.at(cacheFile).digest(f, "in.tif").sha256());

        // replaced by another file (a new inode) with the same size and time as the cached entry: hashed again
        Files.writeString(cacheFile, lines.get(0).replace(ABC, bogus) + "\n");
        Path other = tmp.resolve("other");
        Files.writeString(other, "abc");
        Files.delete(f);
        Files.move(other, f);
        Files.setLastModifiedTime(f, FileTime.fromMillis(1_700_000_000_123L));
        String identityNow = String.valueOf(Files.readAttributes(f,
                java.nio.file.attribute.BasicFileAttributes.class).fileKey());
        String expected = lines.get(0).contains(identityNow) ? bogus : ABC; // same inode reused: same key
        assertEquals(expected, DigestCache.at(cacheFile).digest(f, "in.tif").sha256());
    }

    @Test
    void aMalformedCacheFileIsIgnored() throws Exception {
        Path f = tmp.resolve("in.tif");
        Files.writeString(f, "abc");
        Path cacheFile = tmp.resolve("digests.tsv");
        Files.writeString(cacheFile, "not a cache\n\t\t\t\n" + "z".repeat(64) + "\t3\tx\t1\t\t" + f + "\n");
        assertEquals(ABC, DigestCache.at(cacheFile).digest(f, "in.tif").sha256());
    }

    @Test
    void aRunThatHashesNothingLeavesTheFileAsItIsUnlessItsEntriesAreOld() throws Exception {
        Path f = tmp.resolve("in.tif");
        Files.writeString(f, "abc");
        Path cacheFile = tmp.resolve("digests.tsv");
        DigestCache first = DigestCache.at(cacheFile);
        first.digest(f, "in.tif");
        first.save();
        String written = Files.readString(cacheFile);

        // used again a moment later: nothing hashed, nothing to date, so the file is not rewritten
        Files.setLastModifiedTime(cacheFile, FileTime.fromMillis(1_600_000_000_000L));
        DigestCache second = DigestCache.at(cacheFile);
        assertEquals(ABC, second.digest(f, "in.tif").sha256());
        second.save();
        assertEquals(written, Files.readString(cacheFile));
        assertEquals(1_600_000_000_000L, Files.getLastModifiedTime(cacheFile).toMillis());

        // last used two hours ago: the run dates it (the fourth field) without hashing (the bogus digest stays)
        String[] f0 = written.strip().split("\t", 6);
        long old = System.currentTimeMillis() - 2 * 3600_000L;
        String bogus = "0".repeat(64);
        Files.writeString(cacheFile, String.join("\t", bogus, f0[1], f0[2], "" + old, f0[4], f0[5]) + "\n");
        long before = System.currentTimeMillis();
        DigestCache third = DigestCache.at(cacheFile);
        assertEquals(bogus, third.digest(f, "in.tif").sha256());
        third.save();
        String[] f3 = Files.readString(cacheFile).strip().split("\t", 6);
        assertEquals(bogus, f3[0]);
        assertTrue(Long.parseLong(f3[3]) >= before, Files.readString(cacheFile));
    }

    /**
     * A full cache file read and written again by a run that hashed one new file: every kept line comes back as it
     * was (the fields cut out and put together again), the new entry first, the least recently used one dropped.
     */
    @Test
    void aFullCacheKeepsItsLinesAndDropsTheLeastRecentlyUsed() throws Exception {
        java.util.Random random = new java.util.Random(42);
        Path cacheFile = tmp.resolve("digests.tsv");
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 4096; i++) {
            StringBuilder hex = new StringBuilder();
            for (int k = 0; k < 64; k++) {
                hex.append(Character.forDigit(random.nextInt(16), 16));
            }
            // used: distinct and in the past, newest first as the file keeps them; a path with a tab in it too
            lines.add(hex + "\t" + random.nextInt(1 << 30) + "\t" + (1_700_000_000_000_000_000L + random.nextInt())
                    + "\t" + (1_700_000_000_000L - i) + "\t(dev=fe00,ino=" + i + ")\t/data/country " + i
                    + (i % 7 == 0 ? "\twith a tab" : "") + "/lc.tif");
        }
        Files.writeString(cacheFile, String.join("\n", lines) + "\n");
        Path f = tmp.resolve("new.tif");
        Files.writeString(f, "abc");
        DigestCache c = DigestCache.at(cacheFile);
        assertEquals(ABC, c.digest(f, "new.tif").sha256());
        c.save();
        List<String> after = Files.readAllLines(cacheFile);
        assertEquals(4096, after.size());
        assertTrue(after.get(0).startsWith(ABC + "\t3\t") && after.get(0).endsWith("\t" + f.toAbsolutePath()),
                after.get(0));
        assertEquals(lines.subList(0, 4095), after.subList(1, 4096));
    }
}
