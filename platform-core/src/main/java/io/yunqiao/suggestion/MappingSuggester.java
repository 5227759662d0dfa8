package io.yunqiao.suggestion;

import io.yunqiao.connector.LocalizedText;
import io.yunqiao.problem.Problem;
import io.yunqiao.suggestion.Suggestion.Reason;
import io.yunqiao.suggestion.Vocabulary.Term;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Smart suggestions (智能映射): for each target field, at most one source field that probably holds its value, with a
 * confidence and the reasons. Works offline from what the definitions and a few sample records say:
 * <ul>
 * <li>the same field name or label;</li>
 * <li>the words of names and labels, Chinese and English, compared through the synonym groups of
 * {@code synonyms.properties} (客户/供应商/往来单位, 编码/编号/代码, 手机/电话/联系电话 …) — the same word counts more than
 * a synonym, and words the source has but the target does not (an {@code id}, a {@code 客户} before {@code 省份})
 * count against it;</li>
 * <li>types and what sample values look like (phone numbers, e-mail addresses, dates, numbers, allowed values),
 * and whether they are mostly blank.</li>
 * </ul>
 * Each source field is proposed once, to the target it fits best (greedy by score), unless it fits another one just
 * as surely (same name or label); proposals below the {@linkplain #THRESHOLD threshold} are dropped. The work is
 * bounded: at most {@value #MAX_FIELDS} fields a side, labels and samples cut to a fixed length.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class MappingSuggester {

    /** The most fields a side may have; more is refused, not cut silently. */
    public static final int MAX_FIELDS = 1000;
    /** Proposals below this confidence are dropped (measured with the benchmarks' {@code suggest} command). */
    public static final double THRESHOLD = 0.7;

    /** Same name or label: sure enough to propose a source field that another target already has. */
    private static final double REUSE = 0.95;
    private static final double SAME_NAME = 0.97;
    private static final double SAME_LABEL = 0.95;
    /** A match of words alone never reaches a same label. */
    private static final double WORDS_CEILING = 0.93;
    private static final double SYNONYM = 0.85;
    private static final double SHAPE_ONLY = 0.75;
    private static final double SHAPE_BONUS = 0.05;
    private static final double REPEATED = 0.85;
    /** A field that is empty in most sample records is a poor source, however well its name fits. */
    private static final double MOSTLY_EMPTY = 0.6;
    /** Fewer samples than this say nothing about how often a field is filled. */
    private static final int FEW_SAMPLES = 3;
    private static final int CANDIDATES_PER_TARGET = 8;
    private static final Set<String> GENERIC = Set.of("name", "id");
    /** Unknown English words sharing a start this long may match partly. */
    private static final int PREFIX = 4;

    private static final MappingSuggester STANDARD = new MappingSuggester(Vocabulary.standard(), THRESHOLD);

    private final Vocabulary vocabulary;
    private final double threshold;

    private MappingSuggester(Vocabulary vocabulary, double threshold) {
        this.vocabulary = vocabulary;
        this.threshold = threshold;
    }

    /** The suggester with the platform's vocabulary and threshold. */
    public static MappingSuggester standard() {
        return STANDARD;
    }

    /** The same suggester with another threshold (the benchmark measures several). */
    public MappingSuggester withThreshold(double threshold) {
        return new MappingSuggester(vocabulary, threshold);
    }

    /**
     * Proposes a source for the target fields it can, in the targets' order. Array and object fields on either
     * side are left out: a suggestion fills one value.
     *
     * @throws Problem TOO_LARGE ({@code problem.suggest.tooManyFields}) when a side has more than
     *                 {@value #MAX_FIELDS} fields
     */
    public List<Suggestion> suggest(List<SourceField> sources, List<TargetField> targets) {
        if (sources.size() > MAX_FIELDS) {
            throw Problem.coded(Problem.Kind.TOO_LARGE, "sourceFields", "problem.suggest.tooManyFields",
                    sources.size(), MAX_FIELDS);
        }
        if (targets.size() > MAX_FIELDS) {
            throw Problem.coded(Problem.Kind.TOO_LARGE, "targetFields", "problem.suggest.tooManyFields",
                    targets.size(), MAX_FIELDS);
        }
        List<Profile> from = sources.stream().filter(s -> scalar(s.type()))
                .map(s -> Profile.of(vocabulary, s.path(), s.label(), ValueShape.ofSamples(s.samples()))).toList();
        List<SourceField> fromFields = sources.stream().filter(s -> scalar(s.type())).toList();
        // Words are compared only between fields that share a key (a concept, a character pair or the start of an
        // unknown word): the other pairs cannot reach the threshold by their words.
        Map<String, BitSet> index = new HashMap<>();
        for (int s = 0; s < from.size(); s++) {
            for (String key : from.get(s).keys()) {
                index.computeIfAbsent(key, k -> new BitSet()).set(s);
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int t = 0; t < targets.size(); t++) {
            TargetField target = targets.get(t);
            if (!scalar(target.type())) {
                continue;
            }
            Profile to = Profile.of(vocabulary, target.name(), target.label(), null);
            ValueShape expected = expected(to, target);
            BitSet related = new BitSet();
            for (String key : to.keys()) {
                BitSet holders = index.get(key);
                if (holders != null) {
                    related.or(holders);
                }
            }
            List<Candidate> mine = new ArrayList<>();
            for (int s = 0; s < from.size(); s++) {
                Candidate candidate = score(t, s, target, to, expected, fromFields.get(s), from.get(s),
                        related.get(s));
                if (candidate != null && candidate.score() >= threshold) {
                    mine.add(candidate);
                }
            }
            mine.sort(Candidate.ORDER);
            candidates.addAll(mine.subList(0, Math.min(CANDIDATES_PER_TARGET, mine.size())));
        }
        candidates.sort(Candidate.ORDER);
        Suggestion[] chosen = new Suggestion[targets.size()];
        Set<Integer> used = new HashSet<>();
        for (Candidate candidate : candidates) {
            if (chosen[candidate.target()] != null
                    || (used.contains(candidate.source()) && candidate.score() < REUSE)) {
                continue;
            }
            used.add(candidate.source());
            chosen[candidate.target()] = new Suggestion(targets.get(candidate.target()).name(),
                    fromFields.get(candidate.source()).path(), Math.round(candidate.score() * 100) / 100.0,
                    candidate.reasons());
        }
        List<Suggestion> answer = new ArrayList<>();
        for (Suggestion suggestion : chosen) {
            if (suggestion != null) {
                answer.add(suggestion);
            }
        }
        return answer;
    }

    private Candidate score(int t, int s, TargetField target, Profile to, ValueShape expected, SourceField field,
            Profile from, boolean related) {
        List<Reason> reasons = new ArrayList<>();
        double score;
        if (!related) {
            score = 0;
        } else if (!to.name().isEmpty() && to.name().equals(from.name())) {
            score = SAME_NAME;
            reasons.add(new Reason("suggest.reason.sameName", List.of(text(target.name()))));
        } else if (sameLabel(to.label(), from.label())) {
            score = SAME_LABEL;
            // the label that is the same: a Chinese label, or else the English one in both languages
            reasons.add(new Reason("suggest.reason.sameLabel", List.of(
                    to.label().zh().strip().equals(from.label().zh().strip()) ? to.label() : text(to.label().en()))));
        } else {
            Match best = Match.NONE;
            for (List<Term> wanted : to.terms()) {
                for (List<Term> offered : from.terms()) {
                    Match match = cover(wanted, offered);
                    if (match.score() > best.score()) {
                        best = match;
                    }
                }
            }
            score = Math.min(WORDS_CEILING, best.score());
            if (score > 0) {
                reasons.add(new Reason(best.synonym() ? "suggest.reason.synonym" : "suggest.reason.similar",
                        List.of(from.label(), to.label())));
            }
        }
        ValueShape shape = from.shape();
        if (shape != null && expected != null) {
            if (fits(expected, shape)) {
                if (score <= 0 && (expected == ValueShape.PHONE || expected == ValueShape.EMAIL)) {
                    score = SHAPE_ONLY;
                } else if (score > 0) {
                    score = Math.min(1, score + SHAPE_BONUS);
                }
                if (score > 0 && expected != ValueShape.NUMBER) {
                    reasons.add(new Reason("suggest.reason.valueShape." + expected.name().toLowerCase(Locale.ROOT),
                            List.of()));
                }
            } else if (!loose(expected, shape)) {
                score *= 0.6;
            }
        }
        if (score <= 0) {
            return null;
        }
        if (!target.values().isEmpty() && !field.samples().isEmpty()) {
            long allowed = field.samples().stream().filter(target.values()::contains).count();
            if (allowed == field.samples().size()) {
                score = Math.min(1, score + SHAPE_BONUS);
                reasons.add(new Reason("suggest.reason.allowedValues", List.of()));
            } else if (allowed == 0) {
                score *= 0.7;
            }
        }
        if (field.repeated()) {
            score *= REPEATED;
        }
        if (mostlyEmpty(field.samples())) {
            score *= MOSTLY_EMPTY;
        }
        return new Candidate(t, s, score, reasons);
    }

    /**
     * How well the words a source offers cover the words a target wants: the share of target words found (a
     * synonym counts {@value #SYNONYM}, generic words like name or id half), less a little for each source word
     * the target does not want (much for an id: an id is not the thing itself).
     */
    private static Match cover(List<Term> wanted, List<Term> offered) {
        if (wanted.isEmpty() || offered.isEmpty()) {
            return Match.NONE;
        }
        boolean[] taken = new boolean[offered.size()];
        double found = 0;
        double weights = 0;
        boolean synonym = false;
        for (Term want : wanted) {
            double weight = want.group() != null && GENERIC.contains(want.group()) ? 0.5 : 1;
            weights += weight;
            double best = 0;
            int at = -1;
            boolean bestSynonym = false;
            for (int i = 0; i < offered.size(); i++) {
                Term offer = offered.get(i);
                double credit;
                boolean viaSynonym = false;
                if (want.concept().equals(offer.concept())) {
                    viaSynonym = !want.word().equals(offer.word());
                    credit = viaSynonym ? SYNONYM : 1;
                } else if (want.group() == null && offer.group() == null) {
                    credit = partial(want, offer);
                } else {
                    credit = 0;
                }
                if (credit > best) {
                    best = credit;
                    at = i;
                    bestSynonym = viaSynonym;
                }
            }
            if (at >= 0) {
                taken[at] = true;
                found += weight * best;
                synonym |= bestSynonym;
            }
        }
        double surplus = 0;
        for (int i = 0; i < offered.size(); i++) {
            if (!taken[i]) {
                String group = offered.get(i).group();
                surplus += group == null ? 0.12 : "id".equals(group) ? 0.3 : "name".equals(group) ? 0.03 : 0.1;
            }
        }
        return found == 0 ? Match.NONE : new Match(found / weights - surplus, synonym);
    }

    /** Two words the vocabulary does not know: Chinese by shared character pairs, English by a long shared start. */
    private static double partial(Term want, Term offer) {
        if (!want.pairs().isEmpty() && !offer.pairs().isEmpty()) {
            int shared = 0;
            for (String pair : want.pairs()) {
                if (offer.pairs().contains(pair)) {
                    shared++;
                }
            }
            double dice = 2.0 * shared / (want.pairs().size() + offer.pairs().size());
            return dice >= 0.5 ? 0.8 * dice : 0;
        }
        String a = want.word();
        String b = offer.word();
        int common = 0;
        while (common < Math.min(a.length(), b.length()) && a.charAt(common) == b.charAt(common)) {
            common++;
        }
        return common >= PREFIX && common >= 0.75 * Math.min(a.length(), b.length()) ? 0.7 : 0;
    }

    /**
     * The sample records hold the field but leave it blank more often than not (a purchase bill's customer, filled
     * only for a drop shipment): another field that is filled is the better proposal.
     */
    private static boolean mostlyEmpty(List<String> samples) {
        if (samples.size() < FEW_SAMPLES) {
            return false;
        }
        long blank = samples.stream().filter(String::isBlank).count();
        return 2 * blank > samples.size();
    }

    /** What the target's values should look like, from its words and type; null when anything goes. */
    private static ValueShape expected(Profile target, TargetField field) {
        for (List<Term> terms : target.terms()) {
            for (Term term : terms) {
                String group = term.group();
                if ("phone".equals(group)) {
                    return ValueShape.PHONE;
                }
                if ("email".equals(group)) {
                    return ValueShape.EMAIL;
                }
                if ("datetime".equals(group) || "birthday".equals(group)) {
                    return ValueShape.DATE;
                }
            }
        }
        return "integer".equals(field.type()) || "number".equals(field.type()) ? ValueShape.NUMBER : null;
    }

    private static boolean fits(ValueShape expected, ValueShape shape) {
        return expected == shape || (expected == ValueShape.NUMBER && shape == ValueShape.PHONE);
    }

    /** Shapes that neither confirm nor contradict: digits may be a phone number or an epoch date. */
    private static boolean loose(ValueShape expected, ValueShape shape) {
        return shape == ValueShape.NUMBER && (expected == ValueShape.PHONE || expected == ValueShape.DATE);
    }

    private static boolean sameLabel(LocalizedText a, LocalizedText b) {
        return !a.zh().isBlank() && (a.zh().strip().equals(b.zh().strip())
                || a.en().strip().equalsIgnoreCase(b.en().strip()));
    }

    private static boolean scalar(String type) {
        return !"array".equals(type) && !"object".equals(type);
    }

    private static LocalizedText text(String text) {
        return new LocalizedText(text, text);
    }

    /** One field as the suggester compares it: its name, labels and their words, and its samples' shape. */
    private record Profile(String name, LocalizedText label, List<List<Term>> terms, ValueShape shape,
            Set<String> keys) {

        private static final int LONGEST = 100;

        static Profile of(Vocabulary vocabulary, String path, LocalizedText label, ValueShape shape) {
            String cut = path == null ? "" : path.length() > LONGEST ? path.substring(0, LONGEST) : path;
            String leaf = cut.substring(cut.lastIndexOf('.') + 1);
            LocalizedText shown = label == null || label.zh() == null || label.zh().isBlank()
                    ? text(leaf) : new LocalizedText(shorten(label.zh()), shorten(label.en()));
            List<List<Term>> terms = new ArrayList<>();
            for (String text : List.of(shown.zh(), shown.en(), leaf)) {
                List<Term> words = vocabulary.terms(text);
                if (!words.isEmpty() && !terms.contains(words)) {
                    terms.add(words);
                }
            }
            String name = leaf.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
            Set<String> keys = new HashSet<>();
            if (!name.isEmpty()) {
                keys.add("=" + name);
            }
            keys.add("=" + shown.zh().strip());
            keys.add("=" + shown.en().strip().toLowerCase(Locale.ROOT));
            for (List<Term> words : terms) {
                for (Term term : words) {
                    keys.add(term.concept());
                    term.pairs().forEach(pair -> keys.add("~" + pair));
                    if (term.group() == null && term.pairs().isEmpty() && term.word().length() >= PREFIX) {
                        keys.add("^" + term.word().substring(0, PREFIX));
                    }
                }
            }
            return new Profile(name, shown, List.copyOf(terms), shape, Set.copyOf(keys));
        }

        private static String shorten(String text) {
            return text == null ? null : text.length() > LONGEST ? text.substring(0, LONGEST) : text;
        }
    }

    private record Match(double score, boolean synonym) {
        static final Match NONE = new Match(0, false);
    }

    private record Candidate(int target, int source, double score, List<Reason> reasons) {
        static final Comparator<Candidate> ORDER = Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparingInt(Candidate::target).thenComparingInt(Candidate::source);
    }
}
