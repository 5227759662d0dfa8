package io.yunqiao.web.security;

/**
 * What a signed-in person may do. Each role includes the ones below it: ADMIN edits everything and manages users,
 * OPERATOR runs, re-pushes and switches solutions on and off, VIEWER only reads.
 */
public enum Role {
    VIEWER,
    OPERATOR,
    ADMIN;

    /** The Spring Security authorities of this role: its own and every role it includes. */
    String[] authorities() {
        return java.util.Arrays.stream(values()).filter(r -> r.ordinal() <= ordinal()).map(r -> "ROLE_" + r.name())
                .toArray(String[]::new);
    }
}
