package io.yunqiao.suggestion;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What sample values look like: a mobile or landline number, an e-mail address, a date, a number, a code. */
enum ValueShape {
    PHONE(Pattern.compile("(\\+?86[- ]?)?1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?|\\d{3,4}-\\d{7,8}")),
    EMAIL(Pattern.compile("[\\w.+-]{1,64}@[\\w-]{1,63}(\\.[\\w-]{1,63})+")),
    DATE(Pattern.compile("\\d{4}[-/.年]\\d{1,2}[-/.月]\\d{1,2}日?([ T]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?"
            + "(Z|[+-]\\d{2}:?\\d{2})?)?|1\\d{12}")),
    NUMBER(Pattern.compile("[+-]?(\\d{1,30}(\\.\\d{0,12})?|\\.\\d{1,12})")),
    CODE(Pattern.compile("(?=[A-Za-z0-9_.#/-]*\\d)[A-Za-z0-9][A-Za-z0-9_.#/-]{1,39}")),
    TEXT(Pattern.compile("(?s).+"));

    /** At least this share of the non-empty samples must have a shape for the field to have it. */
    private static final double MAJORITY = 0.8;
    private static final int LONGEST = 64;

    private final Pattern pattern;

    ValueShape(Pattern pattern) {
        this.pattern = pattern;
    }

    /** The first shape (in declaration order) a single value has; long values are text. */
    static ValueShape of(String value) {
        String text = value.strip();
        if (text.length() > LONGEST) {
            return TEXT;
        }
        for (ValueShape shape : values()) {
            if (shape.pattern.matcher(text).matches()) {
                return shape;
            }
        }
        return TEXT;
    }

    /** The shape most samples have, or {@code null} when there are no samples or no clear majority. */
    static ValueShape ofSamples(List<String> samples) {
        Map<ValueShape, Integer> counts = new EnumMap<>(ValueShape.class);
        int total = 0;
        for (String sample : samples) {
            if (sample != null && !sample.isBlank()) {
                counts.merge(of(sample), 1, Integer::sum);
                total++;
            }
        }
        if (total == 0) {
            return null;
        }
        for (Map.Entry<ValueShape, Integer> count : counts.entrySet()) {
            if (count.getValue() >= MAJORITY * total) {
                return count.getKey();
            }
        }
        // phones and codes are also numbers: a mix of the two kinds of digits still says "number"
        int numeric = counts.getOrDefault(NUMBER, 0) + counts.getOrDefault(PHONE, 0);
        return numeric >= MAJORITY * total ? NUMBER : null;
    }
}
