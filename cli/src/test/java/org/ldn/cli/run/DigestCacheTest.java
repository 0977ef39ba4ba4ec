package org.ldn.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
