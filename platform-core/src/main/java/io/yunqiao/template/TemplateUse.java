package io.yunqiao.template;

/**
 * How much a template is used: which templates are in use is what the gallery and the history show.
 *
 * @param copies solutions ever copied from it, all versions (since it was created: deleting a template forgets them)
 * @param inUse  of those, the solutions that still exist
 */
public record TemplateUse(long copies, long inUse) {

    /** A template nobody copied. */
    public static final TemplateUse NONE = new TemplateUse(0, 0);
}
