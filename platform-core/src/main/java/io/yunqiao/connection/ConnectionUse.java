package io.yunqiao.connection;

import java.util.List;

/** Something that uses connections (solutions do): a connection in use cannot be deleted. */
public interface ConnectionUse {

    /** Names of what uses the connection, each quoted with its id and in no language; empty when nothing does. */
    List<String> usersOf(long connectionId);
}
