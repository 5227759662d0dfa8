package io.yunqiao.connectors.jackyun;

import io.yunqiao.connector.AuthContext;
import io.yunqiao.connector.AuthScheme;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorException;
import io.yunqiao.connector.ErrorClass;
import io.yunqiao.connector.OutgoingRequest;
import io.yunqiao.connector.TimeFormat;
import java.util.Map;
import java.util.Set;

/**
 * The {@code jackyun-md5} auth scheme: adds the common gateway fields {@code appkey} (connection field
 * {@code appKey}), {@code timestamp} ({@code yyyy-MM-dd HH:mm:ss}, China Standard Time, from the runtime's clock)
 * and the optional {@code token} (connection field {@code token}, unsigned), then the MD5 {@code sign} computed with
 * the connection's {@code appSecret}. Stateless: nothing is cached, so there is nothing to invalidate.
 */
public final class JackyunMd5Auth implements AuthScheme {

    /** The id definitions name in {@code auth}. */
    public static final String ID = "jackyun-md5";

    /** Connection fields this scheme reads. */
    public static final String APP_KEY = "appKey";
    public static final String APP_SECRET = "appSecret";
    public static final String TOKEN = "token";

    @Override
    public String id() {
        return ID;
    }

    /** The MD5 {@code sign} (an offline guess of the app secret) and the ISV {@code token}. */
    @Override
    public Set<String> maskedFields() {
        return Set.of("sign", "token");
    }

    @Override
    public void authenticate(Connection connection, OutgoingRequest request, AuthContext context) {
        Map<String, String> form = request.form();
        if (!form.containsKey("method")) {
            throw new ConnectorException(ErrorClass.VALIDATION, connection, null, "the " + ID + " auth scheme signs "
                    + "gateway forms only: declare the operation with request.body: form-json-field, request.field:"
                    + " bizcontent and the API name in request.form.method");
        }
        form.put("appkey", connection.require(APP_KEY));
        form.put("timestamp", String.valueOf(TimeFormat.DATETIME.format(context.clock().instant())));
        String token = connection.value(TOKEN);
        if (token != null) {
            form.put("token", token);
        }
        form.put("sign", JackyunSignature.sign(form, connection.require(APP_SECRET)));
    }
}
