package io.yunqiao.web.solutions;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.web.alert.WebhookAddress;

/**
 * The solution editor as a reader (viewer, operator) gets it: every field read-only, every button that changes or
 * sends something gone, and no secret of the spec on the page. Vaadin refuses changes to a read-only field and clicks
 * on a hidden button on the server, so this is more than looks; the writes are also refused by
 * {@link SolutionWrites}.
 */
final class ReadOnlyForm {

    private ReadOnlyForm() {
    }

    /** Makes every field under {@code root} read-only and hides every button under it. */
    static void lock(Component root) {
        if (root instanceof HasValue<?, ?> field) {
            field.setReadOnly(true);
        }
        if (root instanceof Button) {
            root.setVisible(false);
            return;
        }
        root.getChildren().forEach(ReadOnlyForm::lock);
    }

    /**
     * The spec without its secrets, for a reader's browser: no webhook signing secret, and the webhook address
     * without its query (DingTalk's and WeCom's robot addresses carry their access token there).
     */
    static SolutionSpec withoutSecrets(SolutionSpec spec) {
        SolutionSpec.Alerts alerts = spec.alerts();
        if (alerts == null) {
            return spec;
        }
        return spec.withAlerts(new SolutionSpec.Alerts(alerts.onFailure(), alerts.failedRecordsAbove(),
                alerts.emails(), withoutQuery(alerts.webhook()), null));
    }

    static String withoutQuery(String address) {
        return WebhookAddress.forReaders(address);
    }
}
