package io.yunqiao.template;

import io.yunqiao.problem.StoredMessage;
import java.util.List;

/**
 * Whether this installation can run a template: the connectors and operations it names are installed and the value
 * maps it references exist.
 *
 * @param missing what is missing, as coded messages to show in the reader's language; empty when it can run
 */
public record TemplateFit(List<StoredMessage> missing) {

    public TemplateFit {
        missing = List.copyOf(missing);
    }

    public boolean runnable() {
        return missing.isEmpty();
    }
}
