package io.yunqiao.connectorstore;

/** How a stored definition's text is written; kept so that an export gives back what was written. */
public enum DefinitionFormat {
    YAML,
    JSON;

    /** JSON when the text is a JSON object, YAML otherwise (every JSON text is YAML too). */
    static DefinitionFormat of(String text) {
        return text.stripLeading().startsWith("{") ? JSON : YAML;
    }

    /** The media type of an export. */
    public String mediaType() {
        return this == JSON ? "application/json" : "application/yaml";
    }

    /** The file suffix of an export. */
    public String suffix() {
        return this == JSON ? ".json" : ".yaml";
    }
}
