package io.yunqiao.template;

/** Where a template (or one version of it) came from. */
public enum TemplateOrigin {
    /** Shipped in a connector jar or plugin; read-only. */
    BUILT_IN,
    /** Published from a solution on this installation (发布为模板). */
    PUBLISHED,
    /** Imported from a template file (导入模板文件). */
    IMPORTED
}
