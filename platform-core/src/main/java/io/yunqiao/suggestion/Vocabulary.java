package io.yunqiao.suggestion;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The synonym groups of {@code synonyms.properties}, and how a field name or label is cut into terms with them:
 * Chinese by the longest known word (what is left over stays as an unknown chunk), English by camelCase, snake_case
 * and glued known words ({@code billno} is {@code bill} + {@code no}).
 */
final class Vocabulary {

    /**
     * One word of a name or label: its synonym group, or {@code null} for a word the vocabulary does not know.
     *
     * @param concept what two terms must share to match: the group, or the word itself for an unknown word
     * @param pairs   for an unknown Chinese word, its pairs of characters (for partial matches); else empty
     */
    record Term(String group, String word, String concept, Set<String> pairs) {

        static Term of(String group, String word) {
            Set<String> pairs = new HashSet<>();
            if (group == null && hasChinese(word)) {
                for (int i = 0; i + 1 < word.length(); i++) {
                    pairs.add(word.substring(i, i + 2));
                }
            }
            return new Term(group, word, group != null ? group : "?" + word, Set.copyOf(pairs));
        }
    }

    static final String RESOURCE = "io/yunqiao/suggestion/synonyms.properties";

    private static final int MAX_TERMS = 8;
    private static final int MAX_TEXT = 100;
    private static final int MAX_GLUED = 40;
    private static final Set<String> ENGLISH_NOISE = Set.of("of", "the", "a", "an", "and", "or", "to", "for", "in",
            "by", "on", "is", "e", "g", "eg", "ms", "epoch", "yyyy", "mm", "dd", "hh", "ss");
    private static final Set<Character> CHINESE_NOISE = Set.of('的', '之', '及', '与', '和', '或');

    private final Map<String, String> chinese;
    private final Map<String, String> english;
    private final int longestChinese;

    private Vocabulary(Map<String, String> chinese, Map<String, String> english) {
        this.chinese = Map.copyOf(chinese);
        this.english = Map.copyOf(english);
        this.longestChinese = chinese.keySet().stream().mapToInt(String::length).max().orElse(1);
    }

    /** The vocabulary shipped with the platform. */
    static Vocabulary standard() {
        Properties groups = new Properties();
        try (InputStream in = Vocabulary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                groups.load(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        Map<String, String> words = new LinkedHashMap<>();
        for (String group : groups.stringPropertyNames()) {
            words.put(group, groups.getProperty(group));
        }
        return of(words);
    }

    /**
     * A vocabulary of the given groups (group id to comma-separated words).
     *
     * @throws IllegalArgumentException when a word is in two groups: which one it means would depend on the order
     */
    static Vocabulary of(Map<String, String> groups) {
        Map<String, String> chinese = new HashMap<>();
        Map<String, String> english = new HashMap<>();
        for (Map.Entry<String, String> group : groups.entrySet()) {
            for (String raw : group.getValue().split(",")) {
                String word = raw.trim().toLowerCase(Locale.ROOT);
                if (word.isEmpty()) {
                    continue;
                }
                Map<String, String> words = hasChinese(word) ? chinese : english;
                String key = hasChinese(word) ? word : String.join(" ", englishTokens(word));
                String earlier = words.putIfAbsent(key, group.getKey());
                if (earlier != null && !earlier.equals(group.getKey())) {
                    throw new IllegalArgumentException("the word '" + word + "' is in the groups '" + earlier
                            + "' and '" + group.getKey() + "' of the suggestion vocabulary");
                }
            }
        }
        return new Vocabulary(chinese, english);
    }

    /**
     * The terms of a label or name, at most {@value #MAX_TERMS} (what bounds the work per pair of fields), each
     * concept once. Text in brackets and after the
     * first comma or colon is help, not the name ({@code 单据状态,Z:未审核}); before a dash is a section
     * ({@code 基本信息地址-详细地址}).
     */
    List<Term> terms(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String core = essence(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
        List<Term> terms = new ArrayList<>();
        StringBuilder latin = new StringBuilder();
        StringBuilder unknown = new StringBuilder();
        int i = 0;
        while (i < core.length() && terms.size() < MAX_TERMS) {
            char c = core.charAt(i);
            if (!isChinese(c)) {
                flushUnknown(unknown, terms);
                latin.append(c);
                i++;
                continue;
            }
            flushLatin(latin, terms);
            int length = Math.min(longestChinese, core.length() - i);
            String group = null;
            for (; length > 0; length--) {
                group = chinese.get(core.substring(i, i + length));
                if (group != null) {
                    break;
                }
            }
            if (group != null) {
                flushUnknown(unknown, terms);
                add(terms, Term.of(group, core.substring(i, i + length)));
                i += length;
            } else {
                if (!CHINESE_NOISE.contains(c)) {
                    unknown.append(c);
                } else {
                    flushUnknown(unknown, terms);
                }
                i++;
            }
        }
        flushUnknown(unknown, terms);
        flushLatin(latin, terms);
        return terms.size() > MAX_TERMS ? List.copyOf(terms.subList(0, MAX_TERMS)) : List.copyOf(terms);
    }

    private void flushUnknown(StringBuilder unknown, List<Term> terms) {
        if (!unknown.isEmpty()) {
            add(terms, Term.of(null, unknown.toString()));
            unknown.setLength(0);
        }
    }

    private void flushLatin(StringBuilder latin, List<Term> terms) {
        if (latin.isEmpty()) {
            return;
        }
        List<String> tokens = new ArrayList<>();
        for (String token : englishTokens(latin.toString())) {
            if (!ENGLISH_NOISE.contains(token)) {
                tokens.addAll(known(token));
            }
        }
        latin.setLength(0);
        int i = 0;
        while (i < tokens.size()) {
            int taken = 0;
            for (int n = Math.min(3, tokens.size() - i); n > 0 && taken == 0; n--) {
                String phrase = String.join(" ", tokens.subList(i, i + n));
                String group = english.get(phrase);
                if (group != null) {
                    add(terms, Term.of(group, phrase));
                    taken = n;
                }
            }
            if (taken == 0) {
                add(terms, Term.of(null, tokens.get(i)));
                taken = 1;
            }
            i += taken;
        }
    }

    /**
     * A token as known words: itself, its singular, or the known words it is glued from ({@code customerid});
     * else itself.
     */
    private List<String> known(String token) {
        if (english.containsKey(token) || token.length() < 4) {
            return List.of(token);
        }
        if (token.endsWith("s") && english.containsKey(token.substring(0, token.length() - 1))) {
            return List.of(token.substring(0, token.length() - 1));
        }
        List<String> glued = glued(token);
        return glued == null ? List.of(token) : glued;
    }

    /**
     * The known words (two letters or more) that make up {@code token}, longest first; or null. Positions from
     * which no split exists are remembered, so a hostile token costs at most its length squared.
     */
    private List<String> glued(String token) {
        if (token.length() > MAX_GLUED) {
            return null;
        }
        return glued(token, 0, new boolean[token.length() + 1]);
    }

    private List<String> glued(String token, int from, boolean[] dead) {
        if (from == token.length()) {
            return new ArrayList<>();
        }
        if (dead[from]) {
            return null;
        }
        for (int end = token.length(); end >= from + 2; end--) {
            String word = token.substring(from, end);
            if (english.containsKey(word)) {
                List<String> rest = glued(token, end, dead);
                if (rest != null) {
                    rest.add(0, word);
                    return rest;
                }
            }
        }
        dead[from] = true;
        return null;
    }

    private static void add(List<Term> terms, Term term) {
        for (Term known : terms) {
            if (known.concept().equals(term.concept())) {
                return;
            }
        }
        terms.add(term);
    }

    /** The part of a label that names the field (see {@link #terms}). */
    static String essence(String text) {
        String core = text.replaceAll("[(（\\[【][^)）\\]】]*[)）\\]】]?", " ");
        int cut = firstOf(core, ",，:：;；。");
        if (cut > 0) {
            core = core.substring(0, cut);
        }
        int dash = Math.max(core.lastIndexOf('-'), core.lastIndexOf('－'));
        if (dash > 0 && dash < core.length() - 1 && hasChinese(core)) {
            core = core.substring(dash + 1);
        }
        return core.trim();
    }

    private static int firstOf(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Lower-case words of a name: split at camelCase humps, digits and anything not a letter. */
    static List<String> englishTokens(String text) {
        String spaced = text.replaceAll("([a-z])([A-Z])", "$1 $2")
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2")
                .replaceAll("[^A-Za-z]+", " ")
                .trim()
                .toLowerCase(Locale.ROOT);
        if (spaced.isEmpty()) {
            return List.of();
        }
        return List.of(spaced.split(" +"));
    }

    static boolean hasChinese(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isChinese(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isChinese(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
