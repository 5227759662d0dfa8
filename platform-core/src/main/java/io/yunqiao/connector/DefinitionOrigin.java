package io.yunqiao.connector;

/** Where a connector definition comes from, as the catalog shows it. */
public enum DefinitionOrigin {
    /** On the platform's class path: the connectors shipped with it. */
    BUILT_IN,
    /** In a jar of the plugins folder. */
    PLUGIN,
    /** Stored in the platform's database, created and changed through the REST API or the designer. */
    STORED
}
