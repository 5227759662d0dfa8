package io.yunqiao.run;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This node's name: {@code yunqiao.node-name} (environment {@code YUNQIAO_NODE_NAME}), else the host name. It is in
 * run records, the Quartz instance id ({@code <node name>-<start millis>}, see
 * {@link io.yunqiao.schedule.NodeInstanceId}), the label {@code node} of every metric, {@code /actuator/info} and
 * the health page, so that the nodes of a cluster can be told apart (docs/operations.md).
 */
@Component
public class NodeName {

    /** Letters, digits, dot, dash and underscore: safe in an instance id, a metric label and a log line. */
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final String value;

    NodeName(@Value("${yunqiao.node-name:}") String configured) {
        this.value = of(configured);
    }

    /** The name. */
    public String value() {
        return value;
    }

    /**
     * The node name for a configured value: itself when set, else the host name.
     *
     * @throws IllegalArgumentException for a value that is not 1 to 100 letters, digits, dots, dashes or underscores,
     *         naming the setting
     */
    public static String of(String configured) {
        String name = configured == null ? "" : configured.trim();
        if (name.isEmpty()) {
            return hostName();
        }
        if (!ALLOWED.matcher(name).matches()) {
            throw new IllegalArgumentException("yunqiao.node-name (YUNQIAO_NODE_NAME) is 1 to 100 letters, digits,"
                    + " dots, dashes or underscores, such as 'node-1', not '" + configured + "'");
        }
        return name;
    }

    /** This machine's host name ({@code localhost} when it has none that resolves). */
    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
