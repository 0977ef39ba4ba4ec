package org.ldn.core.aggregate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which groups each zone belongs to, under one or more groupings (e.g. grouping "region": Kenya → "Africa";
 * grouping "subregion": Kenya → "Eastern Africa"). A zone may be in no group of a grouping. Immutable.
 *
 * @param source    where the mapping came from (a file name), for messages
 * @param groupings the groupings in the order the output lists them
 * @param groups    zone id → (grouping → group name); groupings a zone lacks are absent
 */
public record Regions(String source, List<String> groupings, Map<String, Map<String, String>> groups) {
    public Regions {
        Objects.requireNonNull(source, "source");
        groupings = List.copyOf(groupings);
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        groups.forEach((id, g) -> copy.put(id, Map.copyOf(g)));
        groups = java.util.Collections.unmodifiableMap(copy);
    }

    /** No grouping: only the total of all zones. */
    public static Regions none() {
        return new Regions("no regions", List.of(), Map.of());
    }

    /** The group of {@code zoneId} under {@code grouping}, or null. */
    public String groupOf(String zoneId, String grouping) {
        Map<String, String> g = groups.get(zoneId);
        return g == null ? null : g.get(grouping);
    }
}
