package org.ldn.core.soc;

/**
 * The Tier 1 SOC change factor {@code F[initial][final]} for a land-cover conversion between UNCCD classes
 * (METHOD.md §4; management and input factors are 1). {@code f} is the climate factor.
 */
public final class SocFactors {
    private SocFactors() {
    }

    /** Factor for initial → final (classes 1..7) under climate factor {@code f}. */
    public static double factor(int initial, int fin, double f) {
        switch (initial) {
            case 1, 2:
                return switch (fin) {
                    case 3 -> f;
                    case 5, 6 -> 0.1;
                    default -> 1;
                };
            case 3:
                return switch (fin) {
                    case 1, 2 -> 1 / f;
                    case 4 -> 1 / 0.71;
                    case 5, 6 -> 0.1;
                    default -> 1;
                };
            case 4:
                return switch (fin) {
                    case 3 -> 0.71;
                    case 5, 6 -> 0.1;
                    default -> 1;
                };
            case 5, 6:
                return switch (fin) {
                    case 1, 2, 3, 4 -> 2;
                    default -> 1;
                };
            default:
                return 1;
        }
    }
}
