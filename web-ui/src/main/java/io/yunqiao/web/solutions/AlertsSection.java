package io.yunqiao.web.solutions;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.yunqiao.problem.Problem;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.web.alert.AlertDelivery;
import io.yunqiao.web.alert.AlertSender;
import io.yunqiao.web.shell.Notices;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who hears about a run that went wrong: on a FAILED run and/or above a number of failed records, by email and/or a
 * DingTalk, WeCom, Feishu or other webhook (its signing secret as a password field). "Send a test alert" sends a
 * sample to the channels on the screen, saved or not, and shows per channel whether it arrived and why not.
 */
class AlertsSection extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final Checkbox onFailure = new Checkbox();
    private final IntegerField failedAbove = new IntegerField();
    private final TextArea emails = new TextArea();
    private final TextField webhook = new TextField();
    private final PasswordField secret = new PasswordField();
    private final Button test = new Button();
    private final Div results = new Div();

    AlertsSection(AlertSender sender, Supplier<String> solutionName, Runnable onChange) {
        setPadding(false);
        onFailure.setId("alerts-on-failure");
        onFailure.setLabel(getTranslation("solutions.alerts.onFailure"));
        onFailure.setHelperText(getTranslation("solutions.alerts.onFailureHelp"));
        failedAbove.setId("alerts-failed-above");
        failedAbove.setLabel(getTranslation("solutions.alerts.failedAbove"));
        failedAbove.setHelperText(getTranslation("solutions.alerts.failedAboveHelp"));
        failedAbove.setMin(0);
        failedAbove.setStepButtonsVisible(true);
        emails.setId("alerts-emails");
        emails.setLabel(getTranslation("solutions.alerts.emails"));
        emails.setHelperText(getTranslation("solutions.alerts.emailsHelp"));
        emails.setPlaceholder("ops@example.com");
        webhook.setId("alerts-webhook");
        webhook.setLabel(getTranslation("solutions.alerts.webhook"));
        webhook.setHelperText(getTranslation("solutions.alerts.webhookHelp"));
        webhook.setPlaceholder("https://oapi.dingtalk.com/robot/send?access_token=…");
        webhook.setClearButtonVisible(true);
        secret.setId("alerts-webhook-secret");
        secret.setLabel(getTranslation("solutions.alerts.secret"));
        secret.setHelperText(getTranslation("solutions.alerts.secretHelp"));
        for (var field : List.of(emails, webhook, secret)) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setWidthFull();
        }
        onFailure.addValueChangeListener(e -> changed(null, e.isFromClient(), onChange));
        failedAbove.addValueChangeListener(e -> changed(failedAbove, e.isFromClient(), onChange));
        emails.addValueChangeListener(e -> changed(emails, e.isFromClient(), onChange));
        webhook.addValueChangeListener(e -> changed(webhook, e.isFromClient(), onChange));
        secret.addValueChangeListener(e -> changed(secret, e.isFromClient(), onChange));

        test.setId("alerts-test");
        test.setText(getTranslation("solutions.alerts.test"));
        test.setIcon(VaadinIcon.PAPERPLANE_O.create());
        test.setTooltipText(getTranslation("solutions.alerts.testHelp"));
        test.addClickListener(e -> sendTest(sender, solutionName.get()));
        results.setId("alerts-test-result");

        FormLayout when = new FormLayout(onFailure, failedAbove);
        when.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        FormLayout where = new FormLayout(emails, webhook, secret);
        where.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        where.setMaxWidth("48em");
        add(new H3(getTranslation("solutions.alerts.title")), new Paragraph(getTranslation("solutions.alerts.intro")),
                when, new H3(getTranslation("solutions.alerts.channels")), where, test, results);
    }

    private static void changed(HasValidation field, boolean fromClient, Runnable onChange) {
        if (field != null) {
            field.setInvalid(false);
        }
        if (fromClient) {
            onChange.run();
        }
    }

    void load(SolutionSpec spec) {
        SolutionSpec.Alerts alerts = spec.alerts();
        onFailure.setValue(alerts.onFailure());
        failedAbove.setValue(alerts.failedRecordsAbove());
        emails.setValue(String.join("\n", alerts.emails()));
        webhook.setValue(alerts.webhook() == null ? "" : alerts.webhook());
        secret.setValue(alerts.webhookSecret() == null ? "" : alerts.webhookSecret());
        results.removeAll();
    }

    /** The alerts as the screen shows them; addresses may be separated by new lines, commas or semicolons. */
    SolutionSpec.Alerts alerts() {
        List<String> addresses = Arrays.stream(emails.getValue().split("[,;\\s]+"))
                .filter(address -> !address.isEmpty()).toList();
        return new SolutionSpec.Alerts(onFailure.getValue(), failedAbove.getValue() == null ? 0
                : failedAbove.getValue(), addresses, webhook.getValue(), secret.getValue());
    }

    private void sendTest(AlertSender sender, String solutionName) {
        results.removeAll();
        SolutionSpec.Alerts alerts = alerts();
        if (alerts.emails().isEmpty() && alerts.webhook() == null) {
            mark(emails, getTranslation("solutions.alerts.testNoChannel"));
            Notices.error(getTranslation("solutions.alerts.testNoChannel"));
            return;
        }
        List<AlertDelivery> deliveries;
        try {
            deliveries = sender.sendTest(alerts, solutionName);
        } catch (Problem problem) {
            fieldFor(problem.field() == null ? "alerts" : problem.field())
                    .ifPresent(field -> mark((HasValidation) field, problem.message(getLocale())));
            Notices.error(getTranslation("solutions.alerts.testRefused", problem.message(getLocale())));
            return;
        }
        for (AlertDelivery delivery : deliveries) {
            Span line = new Span(getTranslation(delivery.delivered() ? "solutions.alerts.testSent"
                    : "solutions.alerts.testFailed", getTranslation("solutions.alerts.channel." + delivery.channel()),
                    delivery.detail(getLocale())));
            line.setId("alerts-test-" + delivery.channel());
            line.getElement().setAttribute("data-outcome", delivery.delivered() ? "sent" : "failed");
            line.addClassName(delivery.delivered() ? "yq-status-SUCCESS" : "yq-status-FAILED");
            line.getStyle().set("display", "block");
            results.add(line);
        }
        if (deliveries.stream().allMatch(AlertDelivery::delivered)) {
            Notices.success(getTranslation("solutions.alerts.testAllSent"));
        } else {
            Notices.error(getTranslation("solutions.alerts.testSomeFailed"));
        }
    }

    private static void mark(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    Optional<Component> fieldFor(String problemField) {
        return Optional.ofNullable(switch (problemField) {
            case "alerts", "alerts.emails" -> emails;
            case "alerts.failedRecordsAbove" -> failedAbove;
            case "alerts.onFailure" -> onFailure;
            case "alerts.webhook" -> webhook;
            case "alerts.webhookSecret" -> secret;
            default -> null;
        });
    }
}
