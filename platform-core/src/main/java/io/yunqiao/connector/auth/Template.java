package io.yunqiao.connector.auth;

import io.yunqiao.connector.ConnectionField;
import io.yunqiao.connector.Connection;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with placeholders: {@code {{connection.<field>}}} (a connection field's value, or its default),
 * {@code {{session.<name>}}} (a value a session-token step extracted), {@code {{nonce}}} (a random number, the same
 * everywhere in one request) and {@code {{now:<format>}}} ({@code epoch-ms}, {@code epoch-s} or a
 * {@link DateTimeFormatter} pattern in the scheme's time zone; one instant per request).
 */
final class Template implements Value {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}");

    private final List<Part> parts;
    private final boolean sensitive;
    private final Set<String> fields;

    private Template(List<Part> parts, boolean sensitive, Set<String> fields) {
        this.parts = List.copyOf(parts);
        this.sensitive = sensitive;
        this.fields = Set.copyOf(fields);
    }

    /** A template that is just this text. */
    static Template literal(String text) {
        return new Template(List.of(new Literal(text)), false, Set.of());
    }

    /**
     * Parses a template, checking every name it uses against the definition.
     *
     * @throws io.yunqiao.connector.DefinitionException naming the place, when a placeholder is unknown or names an
     *                                                  undeclared connection field or session value
     */
    static Template parse(String text, Spec at) {
        List<Part> parts = new ArrayList<>();
        Set<String> fields = new LinkedHashSet<>();
        boolean sensitive = false;
        Matcher matcher = PLACEHOLDER.matcher(text);
        int last = 0;
        while (matcher.find()) {
            if (matcher.start() > last) {
                parts.add(new Literal(text.substring(last, matcher.start())));
            }
            String name = matcher.group(1);
            if (name.startsWith("connection.")) {
                String field = name.substring("connection.".length());
                ConnectionField declared = at.connectionField(field);
                fields.add(field);
                sensitive |= declared.secret();
                parts.add(new FieldValue(declared));
            } else if (name.startsWith("session.")) {
                String value = name.substring("session.".length());
                at.requireSessionValue(value);
                sensitive = true;
                parts.add(new SessionValue(value));
            } else if (name.equals("nonce")) {
                parts.add(new Nonce());
            } else if (name.startsWith("now:")) {
                parts.add(now(name.substring("now:".length()).trim(), at));
            } else {
                throw at.error("problem.definition.auth.template", name);
            }
            last = matcher.end();
        }
        if (last < text.length()) {
            parts.add(new Literal(text.substring(last)));
        }
        return new Template(parts, sensitive, fields);
    }

    private static Part now(String format, Spec at) {
        ZoneId zone = at.timeZone();
        if (format.equals("epoch-ms")) {
            return scope -> Long.toString(scope.now().toEpochMilli());
        }
        if (format.equals("epoch-s")) {
            return scope -> Long.toString(scope.now().getEpochSecond());
        }
        DateTimeFormatter formatter;
        try {
            formatter = DateTimeFormatter.ofPattern(format).withZone(zone);
        } catch (IllegalArgumentException e) {
            throw at.error("problem.definition.auth.timeFormat", format, e.getMessage());
        }
        return scope -> formatter.format(scope.now());
    }

    @Override
    public String render(Scope scope) {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            text.append(part.render(scope));
        }
        return text.toString();
    }

    /** Templated from a secret connection field or a session value. */
    @Override
    public boolean sensitive() {
        return sensitive;
    }

    /** The connection fields it reads, in order. */
    Set<String> fields() {
        return fields;
    }

    private interface Part {
        String render(Scope scope);
    }

    private record Literal(String text) implements Part {
        @Override
        public String render(Scope scope) {
            return text;
        }
    }

    private record FieldValue(ConnectionField field) implements Part {
        @Override
        public String render(Scope scope) {
            Connection connection = scope.connection();
            String value = connection.value(field.name());
            if (value == null && field.defaultValue() != null && !field.defaultValue().isBlank()) {
                value = field.defaultValue();
            }
            if (value == null && field.required()) {
                // an AUTH error naming the field: the connection must be edited
                value = connection.require(field.name());
            }
            return value == null ? "" : value;
        }
    }

    private record SessionValue(String name) implements Part {
        @Override
        public String render(Scope scope) {
            return scope.session(name);
        }
    }

    private record Nonce() implements Part {
        @Override
        public String render(Scope scope) {
            return scope.nonce();
        }
    }
}
