package io.yunqiao.connectors.kingdee.sandbox;

import io.yunqiao.sandbox.Sandbox;
import io.yunqiao.sandbox.SandboxServlet;
import java.util.Map;

/**
 * A sandbox of Kingdee Xingchen (金蝶云星辰), mounted at {@code /sandbox/kingdee/}: the V1 token flow and business
 * APIs and the V2 gateway, over a deterministic data set of purchase inbound bills (采购入库单). Full description,
 * with every choice Kingdee's documentation leaves open: {@code docs/connectors/kingdee-jdy.md}.
 *
 * <h2>Settings (all optional)</h2>
 * <table>
 * <caption>Settings of {@link #create}</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>clientId, clientSecret</td><td>yunqiao-demo, demo-secret-v1</td><td>V1 app credentials</td></tr>
 * <tr><td>username, password</td><td>demo, demo-pass</td><td>V1 user</td></tr>
 * <tr><td>accountGroups</td><td>demo-group:100001,demo-branch:100002</td><td>the user's account groups as
 * {@code groupName:accountId} pairs; all see the same data</td></tr>
 * <tr><td>v2ClientId, v2ClientSecret</td><td>yunqiao-v2-demo, demo-secret-v2</td><td>V2 app (signs requests)</td></tr>
 * <tr><td>appKey, appSecret</td><td>demo-app-key, demo-app-secret</td><td>V2 tenant grant</td></tr>
 * <tr><td>bills</td><td>1000</td><td>purchase inbound bills (1–8 lines each)</td></tr>
 * <tr><td>suppliers, materials</td><td>50, 200</td><td>master data sizes</td></tr>
 * <tr><td>seed</td><td>20261128</td><td>the data set is a function of the seed and {@code end}</td></tr>
 * <tr><td>end</td><td>now at creation</td><td>the bills span the {@code days} before it; epoch ms or ISO-8601</td></tr>
 * <tr><td>days</td><td>30</td><td>length of the span</td></tr>
 * <tr><td>tokenTtlSeconds</td><td>3600</td><td>lifetime of access_token and app-token</td></tr>
 * <tr><td>rateLimit</td><td>0</td><td>business calls per second per client_id (V1) or app_key (V2); 0 = unlimited</td></tr>
 * </table>
 *
 * <h2>Endpoints</h2>
 * V1: {@code GET|POST /auth/user/access_token}, {@code POST /jdy/sys/accountGroup},
 * {@code POST /jdy/pur/pur_inbound_list}, {@code POST /jdy/pur/pur_inbound_detail},
 * {@code POST /jdy/basedata/material_list}. V2: {@code GET /jdyconnector/app_management/kingdee_auth_token},
 * {@code GET /jdy/v2/scm/pur_inbound}. Vendor admin, besides the kit's: {@code POST /_admin/tokens/expire},
 * {@code POST /_admin/bills/touch} ({@code {"ids":[…]}} or {@code {"count":N}}, optional {@code "at"}),
 * {@code GET /_admin/bills}.
 *
 * <h2>Errors</h2>
 * V1: HTTP 200 with {@code errcode} and a Chinese {@code description}: 10001 bad parameter, 10010 bad or expired
 * token, 10011 bad client, 10012 bad user, 10013 bad groupName/accountId, 10020 no such bill, 10029 too many
 * requests; HTTP 404/10404 no such API, 405/10405 wrong method. V2: {@code description} in English and
 * {@code description_cn} in Chinese; the gateway's codes with HTTP 519: 4003 unknown X-Api-ClientID, 4006
 * X-Api-TimeStamp, 4007 X-Api headers or X-Api-SignHeaders, 4008 X-Api-Signature, 4010 app-token invalid, 4011
 * app-token expired; 5001 no such API (HTTP 404), 5002 method not allowed (HTTP 405), 5007 overload (HTTP 429);
 * business errors with HTTP 200: 10001 bad parameter, 10011 bad app_key/app_signature.
 */
public final class KingdeeSandbox implements Sandbox {

    @Override
    public String id() {
        return "kingdee";
    }

    /**
     * @throws IllegalArgumentException for an unknown setting or an unreadable value, naming the accepted ones
     */
    @Override
    public SandboxServlet create(Map<String, String> settings) {
        return new KingdeeSandboxServlet(SandboxSettings.from(settings));
    }
}
