package io.yunqiao.benchmarks;

import io.yunqiao.mapping.MappingEngine;
import io.yunqiao.mapping.MappingEngines;
import java.util.List;
import java.util.function.IntFunction;

/**
 * How long parsing a JSONata expression takes by its length and shape, per engine: what bounds the parse time that
 * {@code yunqiao.limits.mapping-length} caps (a parse cannot be interrupted). Prints milliseconds of the best of
 * three compiles after one warm-up, or the error a shape ends in.
 */
final class MappingParse {

    private record Shape(String name, IntFunction<String> expression) {
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape("string literal", n -> "\"" + "a".repeat(Math.max(0, n - 2)) + "\""),
            new Shape("escaped string", n -> "\"" + "\\n".repeat(Math.max(0, (n - 2) / 2)) + "\""),
            new Shape("object of fields", n -> {
                StringBuilder text = new StringBuilder("{");
                for (int i = 0; text.length() < n - 20; i++) {
                    text.append(i == 0 ? "" : ",").append("\"f").append(i).append("\": billno");
                }
                return text.append("}").toString();
            }),
            new Shape("long path", n -> "a" + ".a".repeat(Math.max(0, (n - 1) / 2))),
            new Shape("sum of terms", n -> "1" + "+1".repeat(Math.max(0, (n - 1) / 2))),
            new Shape("nested parentheses", n -> "(".repeat(n / 2) + ")".repeat(n / 2).replaceFirst("\\)", "1)")));

    private MappingParse() {
    }

    static void run(Options options) {
        List<Integer> lengths = options.integers("lengths");
        for (String id : MappingEngines.ids()) {
            MappingEngine engine = MappingEngines.named(id);
            System.out.printf("%n%s: milliseconds to compile, by length in characters%n", id);
            System.out.printf("%-20s", "shape");
            lengths.forEach(length -> System.out.printf("%12d", length));
            System.out.println();
            for (Shape shape : SHAPES) {
                System.out.printf("%-20s", shape.name());
                for (int length : lengths) {
                    System.out.printf("%12s", measure(engine, shape.expression().apply(length)));
                }
                System.out.println();
            }
        }
    }

    private static String measure(MappingEngine engine, String expression) {
        try {
            engine.compile(expression);
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                engine.compile(expression);
                best = Math.min(best, System.nanoTime() - start);
            }
            return String.format("%.1f", best / 1e6);
        } catch (StackOverflowError e) {
            return "stack";
        } catch (RuntimeException e) {
            return "error";
        }
    }
}
