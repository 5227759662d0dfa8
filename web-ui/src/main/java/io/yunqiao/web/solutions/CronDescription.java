package io.yunqiao.web.solutions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Quartz cron expression in words, for people who do not read cron: "每 5 分钟", "工作日（周一至周五） 09:00",
 * "每月 1、15 日 08:30". Covers the forms schedules are made of — every N seconds, minutes or hours, hourly at a
 * minute, daily at one or more times, hourly or every N minutes within hours, on weekdays, weekends, given days of
 * the week or of the month, the last (week)day of the month — and says "custom expression" for the rest, where the
 * next fire times shown beside it speak for it. Expects an expression Quartz accepts; validity is Quartz's call.
 * Screens without the next fire times beside it (dashboard, templates, solutions list) use {@link #inWords}, whose
 * fallback still shows the expression.
 */
public final class CronDescription {

    /** Where the words come from: the UI's translations, so the description follows the UI language. */
    @FunctionalInterface
    public interface Texts {
        String get(String key, Object... params);
    }

    private static final String PREFIX = "solutions.cron.";
    private static final Pattern NUMBER = Pattern.compile("\\d{1,2}");
    private static final Pattern STEP = Pattern.compile("(?:\\*|0)/(\\d{1,2})");
    private static final Pattern RANGE = Pattern.compile("(\\d{1,2})-(\\d{1,2})");
    private static final List<String> DAY_NAMES = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final int MAX_TIMES = 6;

    private CronDescription() {
    }

    /** The description of {@code cron}, or the "custom expression" text when it is not one of the common forms. */
    static String describe(String cron, Texts texts) {
        if (cron == null || cron.isBlank()) {
            return texts.get(PREFIX + "none");
        }
        String words = words(cron, texts);
        return words == null ? texts.get(PREFIX + "custom") : words;
    }

    /**
     * The description of {@code cron} for a screen that shows no fire times beside it: the words, or for an
     * uncommon form "custom schedule" with the expression itself, so nothing is hidden.
     */
    public static String inWords(String cron, Texts texts) {
        if (cron == null || cron.isBlank()) {
            return texts.get(PREFIX + "none");
        }
        String words = words(cron, texts);
        return words == null ? texts.get(PREFIX + "customShown", cron.trim()) : words;
    }

    /** The words for a common form, or {@code null}. */
    private static String words(String cron, Texts texts) {
        String[] fields = cron.trim().toUpperCase(Locale.ROOT).split("\\s+");
        if (fields.length < 6 || fields.length > 7 || fields.length == 7 && !fields[6].equals("*")
                || !any(fields[4])) {
            return null;
        }
        Days days = days(fields[3], fields[5], texts);
        Time time = time(fields[0], fields[1], fields[2], texts);
        if (days == null || time == null) {
            return null;
        }
        if (time.frequency && days.everyDay) {
            return time.text;
        }
        return texts.get(PREFIX + "combine", days.text, time.text);
    }

    /** The days part; {@code everyDay} when it restricts nothing. */
    private record Days(String text, boolean everyDay) {
    }

    /**
     * The time-of-day part; {@code frequency} when it repeats all day long ("every 5 minutes"), which makes "every
     * day" go without saying.
     */
    private record Time(String text, boolean frequency) {
    }

    private static Days days(String dayOfMonth, String dayOfWeek, Texts texts) {
        if (any(dayOfMonth) && any(dayOfWeek)) {
            return new Days(texts.get(PREFIX + "everyDay"), true);
        }
        if (any(dayOfMonth)) {
            TreeSet<Integer> week = weekDays(dayOfWeek);
            if (week == null) {
                return null;
            }
            if (week.size() == 7) {
                return new Days(texts.get(PREFIX + "everyDay"), true);
            }
            if (week.equals(new TreeSet<>(List.of(2, 3, 4, 5, 6)))) {
                return new Days(texts.get(PREFIX + "weekdays"), false);
            }
            if (week.equals(new TreeSet<>(List.of(1, 7)))) {
                return new Days(texts.get(PREFIX + "weekend"), false);
            }
            List<String> names = new ArrayList<>();
            // Monday first, as calendars in China and most of Europe show the week
            week.stream().sorted((a, b) -> Integer.compare((a + 5) % 7, (b + 5) % 7))
                    .forEach(day -> names.add(texts.get(PREFIX + "day." + day)));
            return new Days(texts.get(PREFIX + "weekly", join(names, texts)), false);
        }
        if (any(dayOfWeek)) {
            if (dayOfMonth.equals("L")) {
                return new Days(texts.get(PREFIX + "lastDay"), false);
            }
            if (dayOfMonth.equals("LW")) {
                return new Days(texts.get(PREFIX + "lastWeekday"), false);
            }
            List<Integer> monthDays = numbers(dayOfMonth, 1, 31);
            if (monthDays == null) {
                return null;
            }
            return new Days(texts.get(PREFIX + (monthDays.size() == 1 ? "monthly" : "monthlyDays"),
                    join(monthDays.stream().map(String::valueOf).toList(), texts)), false);
        }
        return null;
    }

    /** Days of the week as Quartz numbers them (1 = Sunday … 7 = Saturday), or {@code null} for other forms. */
    private static TreeSet<Integer> weekDays(String field) {
        TreeSet<Integer> days = new TreeSet<>();
        for (String part : field.split(",")) {
            String[] ends = part.split("-");
            if (ends.length > 2) {
                return null;
            }
            Integer from = weekDay(ends[0]);
            Integer to = ends.length == 2 ? weekDay(ends[1]) : from;
            if (from == null || to == null || to < from) {
                return null;
            }
            for (int day = from; day <= to; day++) {
                days.add(day);
            }
        }
        return days;
    }

    private static Integer weekDay(String token) {
        int named = DAY_NAMES.indexOf(token);
        if (named >= 0) {
            return named + 1;
        }
        if (token.matches("[1-7]")) {
            return Integer.parseInt(token);
        }
        return null;
    }

    private static Time time(String second, String minute, String hour, Texts texts) {
        Integer secondStep = step(second);
        if (secondStep != null) {
            if (!any(minute) || !any(hour)) {
                return null;
            }
            return new Time(secondStep == 1 ? texts.get(PREFIX + "everySecond")
                    : texts.get(PREFIX + "everySeconds", String.valueOf(secondStep)), true);
        }
        List<Integer> seconds = numbers(second, 0, 59);
        if (seconds == null || seconds.size() != 1) {
            return null;
        }
        int atSecond = seconds.get(0);
        Integer minuteStep = step(minute);
        if (minuteStep != null) {
            String every = minuteStep == 1 ? texts.get(PREFIX + "everyMinute")
                    : texts.get(PREFIX + "everyMinutes", String.valueOf(minuteStep));
            every = withSecond(every, atSecond, texts);
            if (any(hour)) {
                return new Time(every, true);
            }
            Matcher range = RANGE.matcher(hour);
            if (range.matches() && hourOf(range.group(1)) <= hourOf(range.group(2))) {
                return new Time(texts.get(PREFIX + "between", clock(hourOf(range.group(1)), 0),
                        clock(hourOf(range.group(2)), 59), every), false);
            }
            return null;
        }
        List<Integer> minutes = numbers(minute, 0, 59);
        if (minutes == null) {
            return null;
        }
        if (minutes.size() == 1) {
            int atMinute = minutes.get(0);
            Integer hourStep = step(hour);
            if (hourStep != null && hourStep == 1) {
                String hourly = atMinute == 0 ? texts.get(PREFIX + "hourly")
                        : texts.get(PREFIX + "hourlyAt", String.valueOf(atMinute));
                return new Time(withSecond(hourly, atSecond, texts), true);
            }
            if (hourStep != null) {
                return new Time(withSecond(texts.get(PREFIX + "everyHours", String.valueOf(hourStep),
                        String.valueOf(atMinute)), atSecond, texts), true);
            }
            Matcher range = RANGE.matcher(hour);
            if (range.matches() && hourOf(range.group(1)) <= hourOf(range.group(2))) {
                return new Time(withSecond(texts.get(PREFIX + "hourlyBetween", clock(hourOf(range.group(1)),
                        atMinute), clock(hourOf(range.group(2)), atMinute)), atSecond, texts), false);
            }
        }
        List<Integer> hours = numbers(hour, 0, 23);
        if (hours == null || hours.size() * minutes.size() > MAX_TIMES) {
            return null;
        }
        List<String> times = new ArrayList<>();
        for (int h : hours) {
            for (int m : minutes) {
                times.add(atSecond == 0 ? clock(h, m) : clock(h, m) + String.format(":%02d", atSecond));
            }
        }
        return new Time(texts.get(PREFIX + "at", join(times, texts)), false);
    }

    private static String withSecond(String text, int second, Texts texts) {
        return second == 0 ? text : texts.get(PREFIX + "atSecond", text, String.valueOf(second));
    }

    private static int hourOf(String text) {
        return Integer.parseInt(text);
    }

    private static String clock(int hour, int minute) {
        return String.format("%02d:%02d", hour, minute);
    }

    private static boolean any(String field) {
        return field.equals("*") || field.equals("?");
    }

    /** The N of {@code *}/{@code * /N}/{@code 0/N} (1 for {@code *}), or {@code null}. */
    private static Integer step(String field) {
        if (field.equals("*")) {
            return 1;
        }
        Matcher matcher = STEP.matcher(field);
        if (matcher.matches()) {
            int n = Integer.parseInt(matcher.group(1));
            return n > 0 ? n : null;
        }
        return null;
    }

    /** A comma list of numbers within bounds, in the order written, or {@code null} for other forms. */
    private static List<Integer> numbers(String field, int min, int max) {
        List<Integer> values = new ArrayList<>();
        for (String part : field.split(",")) {
            if (!NUMBER.matcher(part).matches()) {
                return null;
            }
            int value = Integer.parseInt(part);
            if (value < min || value > max) {
                return null;
            }
            values.add(value);
        }
        return values;
    }

    private static String join(List<String> items, Texts texts) {
        if (items.size() == 1) {
            return items.get(0);
        }
        String separator = texts.get(PREFIX + "listSeparator");
        return String.join(separator, items.subList(0, items.size() - 1)) + texts.get(PREFIX + "listLast")
                + items.get(items.size() - 1);
    }
}
