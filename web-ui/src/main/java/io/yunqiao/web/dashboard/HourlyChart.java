package io.yunqiao.web.dashboard;

import io.yunqiao.run.RunHistory.HourCount;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Records written and failed per hour as an SVG bar chart, drawn on the server: two bars per hour, a legend, hour
 * labels under the bars, a y axis with round steps, and a tooltip ({@code <title>}) on every bar. No JavaScript
 * library, so the chart needs no frontend build and reads the same in every browser.
 */
final class HourlyChart {

    static final int WIDTH = 760;
    static final int HEIGHT = 260;
    static final int LEFT = 48;
    static final int RIGHT = 12;
    static final int TOP = 36;
    static final int BOTTOM = 28;
    /** Height of the plot area: a bar of the axis' top value is this tall. */
    static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH", Locale.ROOT);
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    /**
     * The texts the chart shows, already translated.
     *
     * @param title what the whole chart shows, for screen readers
     */
    record Labels(String written, String failed, String title) {
    }

    private HourlyChart() {
    }

    /** The chart of {@code hours} (oldest first), hours labelled as they are in {@code zone}. */
    static String svg(List<HourCount> hours, ZoneId zone, Labels labels) {
        long max = hours.stream().mapToLong(h -> Math.max(h.written(), h.failed())).max().orElse(0);
        long step = step(max);
        long top = Math.max(step, (max + step - 1) / step * step);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double group = hours.isEmpty() ? plotWidth : plotWidth / hours.size();
        double bar = group * 0.36;
        double baseline = TOP + PLOT_HEIGHT;

        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"yq-hourly-chart\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-label=\"")
                .append(escape(labels.title())).append("\">");
        legend(svg, labels);
        for (long value = 0; value <= top; value += step) {
            double y = baseline - PLOT_HEIGHT * (double) value / top;
            svg.append("<line class=\"yq-grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(number(y)).append("\" y2=\"").append(number(y))
                    .append("\" stroke=\"#d0d5dc\" stroke-width=\"").append(value == 0 ? "1.2" : "0.6").append("\"/>")
                    .append("<text class=\"yq-axis-y\" x=\"").append(LEFT - 6).append("\" y=\"")
                    .append(number(y + 4)).append("\" text-anchor=\"end\" font-size=\"11\" fill=\"#6b7280\">")
                    .append(value).append("</text>");
        }
        for (int i = 0; i < hours.size(); i++) {
            HourCount hour = hours.get(i);
            double x = LEFT + i * group;
            String start = HOUR_MINUTE.format(hour.start().atZone(zone));
            String end = HOUR_MINUTE.format(hour.start().plusSeconds(3600).atZone(zone));
            String label = HOUR.format(hour.start().atZone(zone));
            svg.append("<g class=\"yq-hour\" data-hour=\"").append(label).append("\">");
            bar(svg, "yq-bar-written", "#2e9d5b", x + group * 0.12, bar, hour.written(), top,
                    start + "–" + end + " · " + labels.written() + " " + hour.written());
            bar(svg, "yq-bar-failed", "#d93a3a", x + group * 0.12 + bar + 1, bar, hour.failed(), top,
                    start + "–" + end + " · " + labels.failed() + " " + hour.failed());
            svg.append("<text class=\"yq-axis-x\" x=\"").append(number(x + group / 2)).append("\" y=\"")
                    .append(number(baseline + 16)).append("\" text-anchor=\"middle\" font-size=\"10\" fill=\"#6b7280\">")
                    .append(label).append("</text></g>");
        }
        return svg.append("</svg>").toString();
    }

    /** The height of a bar of {@code value} on an axis that ends at {@code top}. */
    static double height(long value, long top) {
        return top <= 0 ? 0 : PLOT_HEIGHT * (double) value / top;
    }

    /** A round step (1, 2 or 5 times a power of ten) that divides the axis up to {@code max} into about 5. */
    static long step(long max) {
        if (max <= 5) {
            return 1;
        }
        double rough = max / 5.0;
        long power = 1;
        while (power * 10 <= rough) {
            power *= 10;
        }
        for (long factor : new long[] {1, 2, 5, 10}) {
            if (factor * power >= rough) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    private static void bar(StringBuilder svg, String cssClass, String colour, double x, double width, long value,
            long top, String tooltip) {
        double height = height(value, top);
        svg.append("<rect class=\"").append(cssClass).append("\" x=\"").append(number(x)).append("\" y=\"")
                .append(number(TOP + PLOT_HEIGHT - height)).append("\" width=\"").append(number(width))
                .append("\" height=\"").append(number(height)).append("\" fill=\"").append(colour)
                .append("\" data-value=\"").append(value).append("\"><title>").append(escape(tooltip))
                .append("</title></rect>");
    }

    private static void legend(StringBuilder svg, Labels labels) {
        int x = LEFT;
        for (String[] entry : new String[][] {{"written", "#2e9d5b", labels.written()},
            {"failed", "#d93a3a", labels.failed()}}) {
            svg.append("<g class=\"yq-legend\"><rect class=\"yq-legend-").append(entry[0]).append("\" x=\"").append(x)
                    .append("\" y=\"10\" width=\"12\" height=\"12\" rx=\"2\" fill=\"").append(entry[1])
                    .append("\"/><text x=\"").append(x + 18).append("\" y=\"20\" font-size=\"12\" fill=\"#374151\">")
                    .append(escape(entry[2])).append("</text></g>");
            x += 30 + textWidth(entry[2]);
        }
    }

    /** Roughly how wide a text is at 12 px: Chinese characters are square, Latin ones about half as wide. */
    private static int textWidth(String text) {
        return text.codePoints().map(c -> c >= 0x2E80 ? 12 : 7).sum();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
