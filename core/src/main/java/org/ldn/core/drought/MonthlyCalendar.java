package org.ldn.core.drought;

/**
 * The months of a monthly series: month index 0 is ({@code firstYear}, {@code firstMonth}) and indices run one
 * calendar month apart, {@code months} of them. Months are 1..12. Immutable.
 */
public record MonthlyCalendar(int firstYear, int firstMonth, int months) {
    public MonthlyCalendar {
        if (firstMonth < 1 || firstMonth > 12) {
            throw new IllegalArgumentException("first month " + firstMonth + " is not 1..12");
        }
        if (months < 1) {
            throw new IllegalArgumentException("a series needs at least one month");
        }
    }

    /** Index of (year, month) in the series; may be negative or ≥ {@link #months()} when outside it. */
    public int index(int year, int month) {
        return (year - firstYear) * 12 + (month - firstMonth);
    }

    public int yearOf(int index) {
        return firstYear + Math.floorDiv(firstMonth - 1 + index, 12);
    }

    public int monthOf(int index) {
        return Math.floorMod(firstMonth - 1 + index, 12) + 1;
    }

    public int lastYear() {
        return yearOf(months - 1);
    }

    public int lastMonth() {
        return monthOf(months - 1);
    }

    /** Whether the series holds every one of the k months ending at (year, month). */
    public boolean covers(int year, int month, int k) {
        int end = index(year, month);
        return end - k + 1 >= 0 && end < months;
    }

    /** "1981-01" style label of a month index. */
    public String label(int index) {
        return String.format(java.util.Locale.ROOT, "%04d-%02d", yearOf(index), monthOf(index));
    }
}
