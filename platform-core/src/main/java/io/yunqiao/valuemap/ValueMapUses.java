package io.yunqiao.valuemap;

import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which solutions read which value-map tables, found in their expressions: a call {@code $valueMap("name", …)} or
 * {@code $valueMap('name', …)} whose table is written out. A table name computed at run time cannot be found so; the
 * documentation says so.
 */
final class ValueMapUses {

    private static final Pattern CALL = Pattern.compile(
            "\\$valueMap\\s*\\(\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'((?:[^'\\\\]|\\\\.)*)')");

    private ValueMapUses() {
    }

    /** Table name → the solutions reading it, in the order given. */
    static Map<String, List<ValueMapUse>> of(List<SolutionView> solutions) {
        Map<String, List<ValueMapUse>> uses = new TreeMap<>();
        for (SolutionView solution : solutions) {
            SolutionSpec spec = solution.spec();
            if (spec == null) {
                continue;
            }
            Map<String, String> expressions = new LinkedHashMap<>();
            if (spec.target() != null) {
                expressions.put("target.mapping", spec.target().mapping());
            }
            if (spec.existing() != null) {
                expressions.put("existing.mapping", spec.existing().mapping());
            }
            expressions.put("dedupe.targetKey", spec.dedupe().targetKey());
            expressions.put("filter", spec.filter());
            if (spec.group() != null) {
                expressions.put("group.by", spec.group().by());
            }
            for (int i = 0; i < spec.details().size(); i++) {
                int index = i;
                spec.details().get(i).params().forEach((name, expression) -> expressions.put(
                        "details[" + index + "].params." + name, expression));
            }
            expressions.forEach((field, expression) -> {
                for (String table : tables(expression)) {
                    List<ValueMapUse> users = uses.computeIfAbsent(table, t -> new ArrayList<>());
                    boolean known = users.stream().anyMatch(u -> u.solutionId() == solution.id()
                            && u.field().equals(field));
                    if (!known) {
                        users.add(new ValueMapUse(solution.id(), solution.name(), field));
                    }
                }
            });
        }
        return uses;
    }

    /** The table names an expression calls {@code $valueMap} with, each once. */
    static List<String> tables(String expression) {
        List<String> tables = new ArrayList<>();
        if (expression == null) {
            return tables;
        }
        Matcher call = CALL.matcher(expression);
        while (call.find()) {
            String literal = call.group(1) != null ? call.group(1) : call.group(2);
            String table = unescaped(literal);
            if (!tables.contains(table)) {
                tables.add(table);
            }
        }
        return tables;
    }

    private static String unescaped(String literal) {
        StringBuilder text = new StringBuilder(literal.length());
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '\\' && i + 1 < literal.length()) {
                c = literal.charAt(++i);
            }
            text.append(c);
        }
        return text.toString();
    }
}
