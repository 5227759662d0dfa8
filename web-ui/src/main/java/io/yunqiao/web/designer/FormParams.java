package io.yunqiao.web.designer;

import static io.yunqiao.web.designer.ParamsForm.Kind.CHECK;
import static io.yunqiao.web.designer.ParamsForm.Kind.LIST;
import static io.yunqiao.web.designer.ParamsForm.Kind.PAIRS;
import static io.yunqiao.web.designer.ParamsForm.Param.number;
import static io.yunqiao.web.designer.ParamsForm.Param.of;
import static io.yunqiao.web.designer.ParamsForm.Param.select;
import static io.yunqiao.web.designer.ParamsForm.Param.text;

import io.yunqiao.web.designer.ParamsForm.Param;
import java.util.List;
import java.util.Map;

/**
 * The parameters the designer offers as form fields, per auth scheme and paging type, with the runtime's defaults as
 * placeholders (docs/connectors.md). A type missing here (session-token, hmac-headers, a chain) is edited as YAML.
 */
final class FormParams {

    private static final List<Param> PAGE_STOP = List.of(select("stop", "short-page", "short-page", "total-count"),
            text("total", ""));

    static final Map<String, List<Param>> AUTH = Map.of(
            "none", List.of(),
            "basic", List.of(text("username", ""), text("password", "")),
            "bearer", List.of(text("token", ""), text("header", "Authorization"), text("prefix", "Bearer ")),
            "api-key", List.of(select("in", "header", "header", "query"), text("name", ""), text("value", "")),
            "oauth2-client-credentials", List.of(text("tokenUrl", ""), text("clientId", ""),
                    text("clientSecret", ""), select("clientAuth", "body", "body", "basic"), text("scope", ""),
                    text("tokenPath", "access_token"), text("expiresInPath", "expires_in"),
                    number("refreshBefore", "60"), number("lifetime", "3600"), text("header", "Authorization"),
                    text("prefix", "Bearer ")),
            "signed-params", List.of(select("in", "form", "form", "query", "json"), text("timeZone", ""),
                    of("add", PAIRS), of("sign.include", LIST), of("sign.exclude", LIST),
                    select("sign.sort", "ascii", "ascii", "as-sent"), select("sign.join", "k+v", "k+v", "k=v&", "values"),
                    text("sign.secret", ""), select("sign.placement", "both", "prefix", "suffix", "both", "hmac-key"),
                    of("sign.lowercaseInput", CHECK), of("sign.uppercaseInput", CHECK),
                    select("sign.hash", "MD5", "MD5", "SHA1", "SHA256", "HMAC-SHA1", "HMAC-SHA256"),
                    select("sign.encoding", "hex", "hex", "hex-upper", "base64", "base64-of-hex"),
                    text("sign.output", "sign")));

    static final Map<String, List<Param>> PAGING = Map.of(
            "none", List.of(),
            "page-number", concat(List.of(text("page", ""), text("size", ""), number("first", ""),
                    number("maxSize", ""), number("defaultSize", "")), PAGE_STOP),
            "offset-limit", concat(List.of(text("offset", ""), text("limit", ""), number("first", "0"),
                    number("maxSize", ""), number("defaultSize", "")), PAGE_STOP),
            "cursor", List.of(text("param", ""), text("next", ""), text("hasMore", ""), text("size", ""),
                    number("maxSize", ""), number("defaultSize", "")),
            "next-url", List.of(select("from", "body", "body", "link-header"), text("next", ""), text("size", ""),
                    number("maxSize", ""), number("defaultSize", "")));

    private FormParams() {
    }

    private static List<Param> concat(List<Param> a, List<Param> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
