package io.yunqiao.connectors.kingdee.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The purchase inbound bills (采购入库单) of the sandbox, deterministic from the seed. Only what queries filter on is
 * held, in compact per-bill arrays (a 100,000-bill set takes a few MB); everything else of a bill is generated on
 * demand by {@link BillJson} from (seed, index). Bills are numbered by index; ids grow with the index, so index order
 * is id order, the order of every answer.
 */
final class PurchaseInbounds {

    /** Kingdee's calendar: dates and day boundaries are in China Standard Time. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final long BILL_ID_BASE = 1_720_000_000_000_000_000L;
    private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern BILL_NO = Pattern.compile("CGRK-(\\d{8})-(\\d{4,9})");

    private final SandboxSettings settings;
    private final Catalog catalog;
    private final int count;
    private final long[] ids;
    private final long[] createTimes;
    private final long[] generatedModifyTimes;
    private final AtomicLongArray modifyTimes;
    private final int[] billDays;
    private final int[] daySequences;
    private final byte[] statuses;
    private final short[] suppliers;
    private final short[] employees;
    private final int[] lineStarts;
    private final short[] lineMaterials;
    private final Map<Integer, String> compactDates = new HashMap<>();

    PurchaseInbounds(SandboxSettings settings, Catalog catalog) {
        this.settings = settings;
        this.catalog = catalog;
        this.count = settings.bills();
        SplittableRandom random = new SplittableRandom(settings.seed());
        long start = settings.start();
        long end = settings.end();
        createTimes = new long[count];
        for (int i = 0; i < count; i++) {
            createTimes[i] = start + random.nextLong(end - start);
        }
        // ids grow with creation, as the vendor's do
        Arrays.sort(createTimes);
        ids = new long[count];
        generatedModifyTimes = new long[count];
        billDays = new int[count];
        daySequences = new int[count];
        statuses = new byte[count];
        suppliers = new short[count];
        employees = new short[count];
        lineStarts = new int[count + 1];
        short[] lines = new short[count * 8];
        Map<Integer, Integer> sequenceOfDay = new HashMap<>();
        int materialCount = catalog.materials().size();
        for (int i = 0; i < count; i++) {
            ids[i] = BILL_ID_BASE + i * 1000L + random.nextInt(1000);
            long created = createTimes[i];
            int roll = random.nextInt(10);
            long edited = roll < 2 ? 0 : roll < 8 ? random.nextLong(2 * 3_600_000L) : random.nextLong(3 * 86_400_000L);
            generatedModifyTimes[i] = Math.min(created + edited, end);
            int createDay = (int) dayOf(created);
            billDays[i] = random.nextInt(10) == 0 ? createDay - 1 - random.nextInt(2) : createDay;
            daySequences[i] = sequenceOfDay.merge(billDays[i], 1, Integer::sum);
            statuses[i] = (byte) (random.nextInt(4) == 0 ? 'Z' : 'C');
            suppliers[i] = (short) random.nextInt(catalog.suppliers().size());
            employees[i] = (short) random.nextInt(catalog.employees().size());
            int lineCount = 1 + random.nextInt(8);
            lineStarts[i + 1] = lineStarts[i] + lineCount;
            for (int k = 0; k < lineCount; k++) {
                int material;
                boolean repeated;
                do {
                    material = random.nextInt(materialCount);
                    repeated = false;
                    for (int j = lineStarts[i]; j < lineStarts[i] + k && materialCount >= 8; j++) {
                        repeated |= lines[j] == material;
                    }
                } while (repeated);
                lines[lineStarts[i] + k] = (short) material;
            }
        }
        lineMaterials = Arrays.copyOf(lines, lineStarts[count]);
        modifyTimes = new AtomicLongArray(generatedModifyTimes);
        for (int day : billDays) {
            compactDates.computeIfAbsent(day, d -> COMPACT_DATE.format(LocalDate.ofEpochDay(d)));
        }
    }

    /** The calendar day (epoch day) of an instant in China Standard Time. */
    static long dayOf(long epochMillis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), ZONE).toEpochDay();
    }

    /** The first millisecond of a calendar day in China Standard Time. */
    static long startOfDay(long epochDay) {
        return LocalDate.ofEpochDay(epochDay).atStartOfDay(ZONE).toInstant().toEpochMilli();
    }

    int count() {
        return count;
    }

    Catalog catalog() {
        return catalog;
    }

    /** What else of a bill is generated from: a random source of its own, the same at every call. */
    SplittableRandom detailRandom(int index) {
        return new SplittableRandom(settings.seed() * 0x9E3779B97F4A7C15L + index);
    }

    long id(int index) {
        return ids[index];
    }

    long createTime(int index) {
        return createTimes[index];
    }

    long modifyTime(int index) {
        return modifyTimes.get(index);
    }

    /** The modify time the bill was generated with, before any touch. */
    long generatedModifyTime(int index) {
        return generatedModifyTimes[index];
    }

    int billDay(int index) {
        return billDays[index];
    }

    char status(int index) {
        return (char) statuses[index];
    }

    int supplier(int index) {
        return suppliers[index];
    }

    int employee(int index) {
        return employees[index];
    }

    int department(int index) {
        return catalog.employees().get(employees[index]).department();
    }

    int lineCount(int index) {
        return lineStarts[index + 1] - lineStarts[index];
    }

    int lineMaterial(int index, int line) {
        return lineMaterials[lineStarts[index] + line];
    }

    /** {@code CGRK-yyyyMMdd-NNNN}: the bill date and the bill's sequence number on that date. */
    String billNo(int index) {
        String sequence = Integer.toString(daySequences[index]);
        StringBuilder text = new StringBuilder(20).append("CGRK-").append(compactDates.get(billDays[index])).append('-');
        for (int pad = sequence.length(); pad < 4; pad++) {
            text.append('0');
        }
        return text.append(sequence).toString();
    }

    /** The index of the bill with this id, or -1. */
    int indexOfId(long id) {
        int found = Arrays.binarySearch(ids, id);
        return found >= 0 ? found : -1;
    }

    /** The index of the bill with this bill number ({@code CGRK-yyyyMMdd-NNNN}, any case), or -1. */
    int indexOfBillNo(String billNo) {
        Matcher parts = BILL_NO.matcher(billNo.trim().toUpperCase(Locale.ROOT));
        if (!parts.matches()) {
            return -1;
        }
        long day;
        try {
            day = LocalDate.parse(parts.group(1), COMPACT_DATE).toEpochDay();
        } catch (DateTimeParseException e) {
            return -1;
        }
        int sequence = Integer.parseInt(parts.group(2));
        for (int i = 0; i < count; i++) {
            if (billDays[i] == day && daySequences[i] == sequence) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The bills matching a filter, in id order: how many match, and the indexes of those on one page.
     *
     * @param page 1 for the first page
     */
    Selection select(BillFilter filter, int page, int size) {
        BillPredicate matcher = new BillPredicate(filter);
        long first = (long) (page - 1) * size;
        int[] onPage = new int[size];
        int found = 0;
        int total = 0;
        for (int i = 0; i < count; i++) {
            if (matcher.matches(i)) {
                if (total >= first && found < size) {
                    onPage[found++] = i;
                }
                total++;
            }
        }
        return new Selection(total, Arrays.copyOf(onPage, found));
    }

    /** Sets the modify time of one bill, as an edit in Kingdee would. */
    void touch(int index, long at) {
        modifyTimes.set(index, at);
    }

    /** Back to the generated modify times. */
    void reset() {
        for (int i = 0; i < count; i++) {
            modifyTimes.set(i, generatedModifyTimes[i]);
        }
    }

    /** How many bills match, and the indexes of one page of them. */
    record Selection(int total, int[] indexes) {
    }

    /** One filter applied to bills, with the name matches worked out once per query. */
    private final class BillPredicate {

        private final BillFilter filter;
        private final boolean[] supplierHits;
        private final boolean[] employeeHits;
        private final boolean[] materialHits;

        BillPredicate(BillFilter filter) {
            this.filter = filter;
            String search = filter.search();
            if (search == null) {
                supplierHits = null;
                employeeHits = null;
                materialHits = null;
                return;
            }
            supplierHits = new boolean[catalog.suppliers().size()];
            for (int i = 0; i < supplierHits.length; i++) {
                supplierHits[i] = contains(catalog.suppliers().get(i).ref().name(), search);
            }
            employeeHits = new boolean[catalog.employees().size()];
            for (int i = 0; i < employeeHits.length; i++) {
                employeeHits[i] = contains(catalog.employees().get(i).ref().name(), search);
            }
            materialHits = new boolean[catalog.materials().size()];
            for (int i = 0; i < materialHits.length; i++) {
                materialHits[i] = contains(catalog.materials().get(i).ref().name(), search);
            }
        }

        boolean matches(int i) {
            long created = createTimes[i];
            if (created < filter.createFrom() || created > filter.createTo()) {
                return false;
            }
            long modified = modifyTimes.get(i);
            if (modified < filter.modifyFrom() || modified > filter.modifyTo()) {
                return false;
            }
            int billDay = billDays[i];
            if (billDay < filter.billDayFrom() || billDay > filter.billDayTo()) {
                return false;
            }
            if (filter.status() != 0 && statuses[i] != filter.status()) {
                return false;
            }
            if (filter.supplier() != BillFilter.ANY && suppliers[i] != filter.supplier()) {
                return false;
            }
            if (filter.employee() != BillFilter.ANY && employees[i] != filter.employee()) {
                return false;
            }
            if (filter.department() != BillFilter.ANY && department(i) != filter.department()) {
                return false;
            }
            return filter.search() == null || searchMatches(i);
        }

        private boolean searchMatches(int i) {
            if (supplierHits[suppliers[i]] || employeeHits[employees[i]]) {
                return true;
            }
            for (int j = lineStarts[i]; j < lineStarts[i + 1]; j++) {
                if (materialHits[lineMaterials[j]]) {
                    return true;
                }
            }
            return contains(billNo(i), filter.search());
        }
    }

    /** Case-insensitive substring test; {@code lowerNeedle} is already in lower case. */
    static boolean contains(String haystack, String lowerNeedle) {
        return haystack.toLowerCase(Locale.ROOT).contains(lowerNeedle);
    }
}
