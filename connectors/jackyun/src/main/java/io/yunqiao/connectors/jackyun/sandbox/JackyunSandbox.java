package io.yunqiao.connectors.jackyun.sandbox;

import io.yunqiao.sandbox.Sandbox;
import io.yunqiao.sandbox.SandboxServlet;
import java.time.Clock;
import java.util.Map;

/**
 * The Jackyun (吉客云) sandbox: the open-platform gateway at {@code /open/openapi/do} below its mount point (the
 * platform serves it at {@code /sandbox/jackyun/open/openapi/do}), implementing {@code crm.customer.add},
 * {@code crm.customer.list} and {@code crm.customer.update} (changes the customer of a customerCode; an unknown code
 * is refused with sub-code 0050030004, a sandbox choice) and {@code erp.goods.add} (one goods item per goodsNo; a
 * repeated goodsNo is refused as already existing, like a repeated customerCode), starting with no customers and no
 * goods.
 *
 * <p>Settings (all optional):
 * <ul>
 * <li>{@code appKey} / {@code appSecret}: the demo application, default {@code 100200} /
 *     {@code 0f1e2d3c4b5a69788796a5b4c3d2e1f0} (the secret of the protocol's known-answer vector)</li>
 * <li>{@code apps}: more applications, {@code appkey:secret} pairs separated by commas</li>
 * <li>{@code token}: when set, every call must carry this {@code token} (else sub-code 0858030803); default: tokens
 *     are not checked</li>
 * <li>{@code methods}: the APIs the applications are subscribed to, comma-separated; default all four</li>
 * <li>{@code rateLimit}: calls per second per app key, beyond which the gateway answers 0859999999; default 0 =
 *     unlimited, because benchmarks drive thousands of calls a second (the demo may set e.g. 50)</li>
 * <li>{@code timestampToleranceSeconds}: how far a call's timestamp may be from the gateway clock, either way;
 *     default 600 (10 minutes); 0 checks the format only</li>
 * <li>{@code listMaxWindowHours}: the longest gmtModified window {@code crm.customer.list} accepts (several
 *     Jackyun list APIs allow 24); default 0 = unlimited</li>
 * </ul>
 *
 * <p>Admin endpoints, besides the kit's ({@code /_admin/calls}, {@code /_admin/reset}, {@code /_admin/faults},
 * {@code /_admin/rate-limit}):
 * <ul>
 * <li>{@code GET /_admin/customers}: {@code {"count", "customers": [...], "addCalls": {"<customerCode>": n}}} —
 *     every stored customer in customerId order, and how many {@code crm.customer.add} calls that passed the gateway
 *     checks named each customerCode (accepted or not), to prove a record was written exactly once; and
 *     {@code "updateCalls"} the same for {@code crm.customer.update}</li>
 * <li>{@code GET /_admin/goods}: {@code {"count", "goods": [...], "addCalls": {"<goodsNo>": n}}} — every stored
 *     goods item in goodsId order and how many {@code erp.goods.add} calls named each goodsNo</li>
 * <li>{@code POST /_admin/customers}: stores customers (an object or an array) without a signed call, optionally
 *     with {@code gmtCreate}/{@code gmtModified}; the add operation's checks apply</li>
 * <li>{@code POST /_admin/reset} also forgets every customer and restarts customerIds at 10000001 (and goods)</li>
 * </ul>
 */
public final class JackyunSandbox implements Sandbox {

    /** The mount point below {@code /sandbox/}. */
    public static final String ID = "jackyun";

    /** Where the gateway answers, below the mount point. */
    public static final String GATEWAY_PATH = JackyunSandboxServlet.GATEWAY_PATH;

    @Override
    public String id() {
        return ID;
    }

    /**
     * @throws IllegalArgumentException naming the setting, when a setting is unknown or malformed
     */
    @Override
    public SandboxServlet create(Map<String, String> settings) {
        return new JackyunSandboxServlet(GatewaySettings.of(settings), Clock.systemUTC());
    }
}
