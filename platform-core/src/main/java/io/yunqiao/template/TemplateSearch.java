package io.yunqiao.template;

import java.util.Locale;

/**
 * The gallery's search (模板市场的搜索), the same for the screen and the REST API: words in the title, description,
 * category and tags, a system (a connector id at either end), a tag and a category; every given criterion must hold,
 * case-insensitively, and a blank one is no criterion.
 *
 * @param q        words, separated by blanks, each of which must occur
 * @param system   a connector id at the source or target end
 * @param tag      one of the template's tags
 * @param category the template's category
 */
public record TemplateSearch(String q, String system, String tag, String category) {

    /** No criterion: every template matches. */
    public static final TemplateSearch ALL = new TemplateSearch(null, null, null, null);

    /** Whether a template matches every given criterion. */
    public boolean matches(SolutionTemplate template) {
        if (given(system) && !system.strip().equals(template.solution().source().connector())
                && !system.strip().equals(template.solution().target().connector())) {
            return false;
        }
        if (given(tag) && template.tags().stream().noneMatch(t -> t.equalsIgnoreCase(tag.strip()))) {
            return false;
        }
        if (given(category) && !template.category().equalsIgnoreCase(category.strip())) {
            return false;
        }
        if (!given(q)) {
            return true;
        }
        String text = String.join("\n", template.id(), template.title().zh(), String.valueOf(template.title().en()),
                template.description().zh(), String.valueOf(template.description().en()), template.category(),
                String.join("\n", template.tags())).toLowerCase(Locale.ROOT);
        for (String word : q.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!word.isEmpty() && !text.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static boolean given(String criterion) {
        return criterion != null && !criterion.isBlank();
    }
}
