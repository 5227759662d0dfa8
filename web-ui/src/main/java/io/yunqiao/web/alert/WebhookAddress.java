package io.yunqiao.web.alert;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * An alert webhook's address as someone who may not change the solution sees it. A robot's address is its
 * credential: DingTalk and WeCom carry the token in the query ({@code access_token=…}, {@code key=…}), Feishu/Lark in
 * the path ({@code /open-apis/bot/v2/hook/<token>}), any address may carry user and password. So readers see only
 * where alerts go, {@code https://oapi.dingtalk.com/…}, never the rest.
 */
public final class WebhookAddress {

    private WebhookAddress() {
    }

    /** {@code address} without anything after its host; {@code null} stays {@code null}. */
    public static String forReaders(String address) {
        if (address == null) {
            return null;
        }
        try {
            URI uri = new URI(address.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "…";
            }
            String path = uri.getRawPath();
            boolean bare = (path == null || path.isEmpty() || "/".equals(path)) && uri.getRawQuery() == null
                    && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            String host = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            return bare ? host : host + "/…";
        } catch (URISyntaxException e) {
            return "…"; // not an address a reader can be shown safely
        }
    }
}
