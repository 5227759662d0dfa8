package io.yunqiao.connector;

import io.yunqiao.problem.StoredMessage;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer that is a web page (a gateway's 500 page, a login page) instead of the API's JSON, summarised for
 * people: "对方系统返回 HTTP 500 服务器错误（一个网页，而不是接口数据）：500 Internal Server Error" as a stored coded
 * message, rather than the page's markup. The page itself stays in the record log's response for operators.
 */
final class HtmlAnswer {

    /** How much of the answer is looked at for the page's title: titles are near the top. */
    private static final int HEAD = 16 * 1024;
    /** The longest title shown; longer ones are cut with an ellipsis. */
    static final int MAX_TITLE = 100;
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern HEADING = Pattern.compile("<h1[^>]*>(.*?)</h1\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    /** Scripts, styles, comments and the head: no words of the page a person would see. */
    private static final Pattern CODE = Pattern.compile(
            "<(script|style|head)[^>]*>.*?</\\1\\s*>|<!--.*?-->|<!doctype[^>]*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private HtmlAnswer() {
    }

    /** The summary of {@code body} when it is a web page, as a stored coded message; empty otherwise. */
    static Optional<String> summary(int status, String body) {
        if (body == null) {
            return Optional.empty();
        }
        String head = body.length() > HEAD ? body.substring(0, HEAD) : body;
        String start = head.stripLeading().toLowerCase(Locale.ROOT);
        boolean page = start.startsWith("<!doctype html") || start.startsWith("<html")
                || start.startsWith("<") && (start.contains("<html") || start.contains("<body")
                        || start.contains("<title"));
        if (!page) {
            return Optional.empty();
        }
        String kind = status >= 500 && status <= 599 ? "server" : status >= 400 && status <= 499 ? "client" : "other";
        String title = title(head);
        StoredMessage message = title == null
                ? StoredMessage.of("record.ops.htmlPage." + kind, status)
                : StoredMessage.of("record.ops.htmlPage." + kind + "Titled", status, title);
        return Optional.of(message.store());
    }

    /**
     * What the page says, as plain text, capped: its title, else its first heading, else its text; {@code null}
     * when it says nothing.
     */
    static String title(String html) {
        for (Pattern pattern : new Pattern[] {TITLE, HEADING}) {
            Matcher matcher = pattern.matcher(html);
            if (matcher.find()) {
                String text = plain(matcher.group(1));
                if (!text.isEmpty()) {
                    return capped(text);
                }
            }
        }
        String text = plain(CODE.matcher(html).replaceAll(" "));
        return text.isEmpty() ? null : capped(text);
    }

    private static String capped(String text) {
        return text.length() <= MAX_TITLE ? text : text.substring(0, MAX_TITLE) + "…";
    }

    private static String plain(String markup) {
        String text = TAG.matcher(markup).replaceAll(" ")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        // control characters are no part of a title a person reads
        return text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    }
}
