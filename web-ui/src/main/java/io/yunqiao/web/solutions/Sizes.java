package io.yunqiao.web.solutions;

import java.util.Locale;

/** Byte counts as people read them: 512 B, 12.3 KB, 4.5 MB, 1.2 GB (1 KB = 1024 B). */
final class Sizes {

    private Sizes() {
    }

    static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes / 1024.0;
        for (String unit : new String[] {"KB", "MB", "GB"}) {
            if (value < 1024 || unit.equals("GB")) {
                return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, unit);
            }
            value /= 1024;
        }
        throw new IllegalStateException("unreachable");
    }
}
