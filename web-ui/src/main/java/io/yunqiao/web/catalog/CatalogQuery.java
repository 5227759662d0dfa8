package io.yunqiao.web.catalog;

import io.yunqiao.connector.LocalizedText;
import java.util.Locale;

/**
 * What the catalog's search box asks for: a piece of an id or of a label, in either language, ignoring case. An
 * empty query matches everything.
 */
record CatalogQuery(String text) {

    CatalogQuery {
        text = text == null ? "" : text.strip();
    }

    boolean isEmpty() {
        return text.isEmpty();
    }

    /** Whether the id or either language of the label contains the query. */
    boolean matches(String id, LocalizedText label) {
        return contains(id) || label != null && (contains(label.zh()) || contains(label.en()));
    }

    private boolean contains(String value) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
    }
}
