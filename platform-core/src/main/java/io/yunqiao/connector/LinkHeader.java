package io.yunqiao.connector;

import java.util.List;
import java.util.Locale;

/** Reads the {@code rel="next"} target of HTTP {@code Link} headers (RFC 8288), as paging APIs send them. */
final class LinkHeader {

    private LinkHeader() {
    }

    /** The URI of the first link whose relation types include {@code next}, or {@code null}. */
    static String next(List<String> headerValues) {
        for (String value : headerValues) {
            int at = 0;
            while (at < value.length()) {
                int open = value.indexOf('<', at);
                int close = open < 0 ? -1 : value.indexOf('>', open);
                if (close < 0) {
                    break;
                }
                String target = value.substring(open + 1, close);
                // the link's parameters run up to the next link, which starts with '<'
                int end = value.indexOf('<', close);
                String params = value.substring(close + 1, end < 0 ? value.length() : end);
                if (isNext(params)) {
                    return target.trim();
                }
                at = end < 0 ? value.length() : end;
            }
        }
        return null;
    }

    private static boolean isNext(String params) {
        for (String param : params.split(";")) {
            int eq = param.indexOf('=');
            if (eq < 0 || !param.substring(0, eq).trim().equalsIgnoreCase("rel")) {
                continue;
            }
            String rels = param.substring(eq + 1).trim().replace("\"", "").replace(",", " ");
            for (String rel : rels.split("\\s+")) {
                if (rel.toLowerCase(Locale.ROOT).equals("next")) {
                    return true;
                }
            }
        }
        return false;
    }
}
