package io.yunqiao.run;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** This node's name in run records: {@code yunqiao.node-name}, else the host name. */
@Component
class NodeName {

    private final String value;

    NodeName(@Value("${yunqiao.node-name:}") String configured) {
        this.value = configured.isBlank() ? hostName() : configured;
    }

    String value() {
        return value;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
