package io.yunqiao.web.solutions;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.yunqiao.schedule.SolutionScheduler;
import io.yunqiao.problem.Problem;
import io.yunqiao.solution.LogLevel;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionValidator;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quartz.CronExpression;

/**
 * When the solution runs and how it delivers: the Quartz cron with its meaning in words and the next five fire
 * times (Beijing time) as one types, invalid expressions refused on the field with Quartz's reason; switched on
 * or off; the rate limit and the retry policy with the waits it gives; how much of each record the record log keeps
 * (日志级别), with what the chosen level keeps in one line.
 */
class ScheduleSection extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private static final List<String> PRESETS = List.of("0 * * * * ?", "0 */5 * * * ?", "0 */15 * * * ?",
            "0 0 * * * ?", "0 0 2 * * ?", "0 0 9 ? * MON-FRI", "0 30 8 1 * ?");

    private final TextField cron = new TextField();
    private final Select<String> preset = new Select<>();
    private final Span description = new Span();
    private final Div next = new Div();
    private final Checkbox enabled = new Checkbox();
    private final Span enabledState = new Span();
    private final NumberField rateLimit = new NumberField();
    private final IntegerField attempts = new IntegerField();
    private final IntegerField backoff = new IntegerField();
    private final NumberField multiplier = new NumberField();
    private final NumberField jitter = new NumberField();
    private final IntegerField laterRuns = new IntegerField();
    private final Span retrySummary = new Span();
    private final Select<LogLevel> logLevel = new Select<>();
    private final Duration minInterval;

    /** {@code minInterval}: yunqiao.limits.min-schedule-interval, checked as one types, as saving checks it. */
    ScheduleSection(Runnable onChange, Duration minInterval) {
        this.minInterval = minInterval;
        setPadding(false);
        cron.setId("cron");
        cron.setLabel(getTranslation("solutions.schedule.cron"));
        cron.setHelperText(getTranslation("solutions.schedule.cronHelp"));
        cron.setValueChangeMode(ValueChangeMode.LAZY);
        cron.setValueChangeTimeout(300);
        cron.setClearButtonVisible(true);
        cron.setWidth("22em");
        cron.addClassName("yq-code");
        cron.addValueChangeListener(e -> {
            cronChanged();
            if (e.isFromClient()) {
                onChange.run();
            }
        });
        preset.setId("cron-preset");
        preset.setLabel(getTranslation("solutions.schedule.presets"));
        preset.setItems(PRESETS);
        preset.setItemLabelGenerator(p -> CronDescription.describe(p, this::getTranslation) + "  ·  " + p);
        preset.setPlaceholder(getTranslation("solutions.schedule.presetsPlaceholder"));
        preset.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                cron.setValue(e.getValue());
                onChange.run();
                preset.clear();
            }
        });
        description.setId("cron-description");
        description.addClassName("yq-cron-description");
        next.setId("cron-next");
        next.addClassName("yq-cron-next");
        enabled.setId("schedule-enabled");
        enabled.setLabel(getTranslation("solutions.schedule.enabled"));
        enabled.setHelperText(getTranslation("solutions.schedule.enabledHelp"));
        enabled.addValueChangeListener(e -> {
            showEnabledState();
            if (e.isFromClient()) {
                onChange.run();
            }
        });
        // the state in words beside the box: a bare "启用定时" box read as "on" while it was off
        enabledState.setId("schedule-state");
        showEnabledState();
        HorizontalLayout switchLine = new HorizontalLayout(enabled, enabledState);
        switchLine.setAlignItems(FlexComponent.Alignment.BASELINE);
        FormLayout when = new FormLayout(cron, preset);
        when.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        add(new H3(getTranslation("solutions.schedule.title")), when, description,
                new H4(getTranslation("solutions.schedule.next")), next, switchLine);

        rateLimit.setId("rate-limit");
        rateLimit.setLabel(getTranslation("solutions.rate.perSecond"));
        rateLimit.setHelperText(getTranslation("solutions.rate.help"));
        rateLimit.setMin(0);
        attempts.setId("retry-attempts");
        attempts.setLabel(getTranslation("solutions.retry.attempts"));
        attempts.setHelperText(getTranslation("solutions.retry.attemptsHelp"));
        attempts.setMin(1);
        attempts.setMax(20);
        attempts.setStepButtonsVisible(true);
        backoff.setId("retry-backoff");
        backoff.setLabel(getTranslation("solutions.retry.backoff"));
        backoff.setMin(0);
        backoff.setSuffixComponent(new Span("ms"));
        multiplier.setId("retry-multiplier");
        multiplier.setLabel(getTranslation("solutions.retry.multiplier"));
        multiplier.setMin(1);
        multiplier.setStep(0.5);
        jitter.setId("retry-jitter");
        jitter.setLabel(getTranslation("solutions.retry.jitter"));
        jitter.setHelperText(getTranslation("solutions.retry.jitterHelp"));
        jitter.setMin(0);
        jitter.setMax(0.99);
        jitter.setStep(0.1);
        retrySummary.setId("retry-summary");
        retrySummary.addClassName("yq-muted");
        for (var field : List.of(rateLimit, multiplier, jitter)) {
            field.addValueChangeListener(e -> changed(field, e.isFromClient(), onChange));
        }
        laterRuns.setId("retry-later-runs");
        laterRuns.setLabel(getTranslation("solutions.retry.laterRuns"));
        laterRuns.setMin(0);
        laterRuns.setMax(SolutionSpec.Retry.MAX_LATER_RUNS);
        laterRuns.setStepButtonsVisible(true);
        laterRuns.addValueChangeListener(e -> laterRuns.setHelperText(laterRunsHelp(e.getValue())));
        for (var field : List.of(attempts, backoff, laterRuns)) {
            field.addValueChangeListener(e -> changed(field, e.isFromClient(), onChange));
        }
        FormLayout delivery = new FormLayout(rateLimit, attempts, backoff, multiplier, jitter, laterRuns);
        delivery.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        add(new H3(getTranslation("solutions.delivery.title")),
                new Paragraph(getTranslation("solutions.delivery.intro")), delivery, retrySummary);

        logLevel.setId("log-level");
        logLevel.setLabel(getTranslation("solutions.log.level"));
        logLevel.setItems(LogLevel.values());
        logLevel.setItemLabelGenerator(level -> getTranslation("solutions.log.level." + level.name()));
        logLevel.setWidth("22em");
        logLevel.addValueChangeListener(e -> {
            logLevel.setHelperText(e.getValue() == null ? ""
                    : getTranslation("solutions.log.help." + e.getValue().name()));
            if (e.isFromClient()) {
                onChange.run();
            }
        });
        logLevel.setValue(LogLevel.ALL);
        add(new H3(getTranslation("solutions.log.title")), new Paragraph(getTranslation("solutions.log.intro")),
                logLevel);
    }

    private void changed(HasValidation field, boolean fromClient, Runnable onChange) {
        field.setInvalid(false);
        retrySummary.setText(retryText());
        if (fromClient) {
            onChange.run();
        }
    }

    void load(SolutionSpec spec) {
        cron.setValue(spec.schedule().cron() == null ? "" : spec.schedule().cron());
        cronChanged();
        enabled.setValue(spec.schedule().enabled());
        rateLimit.setValue(spec.rateLimit().perSecond());
        attempts.setValue(spec.retry().attempts());
        backoff.setValue((int) spec.retry().backoffMillis());
        multiplier.setValue(spec.retry().multiplier());
        jitter.setValue(spec.retry().jitter());
        laterRuns.setValue(spec.retry().laterRuns());
        retrySummary.setText(retryText());
        logLevel.setValue(spec.logLevel());
    }

    /** Checks the expression with Quartz as one types: its meaning and next fire times, or Quartz's reason. */
    /** 已启用 / 已停用 as the solutions list shows it, for the box's current value. */
    private void showEnabledState() {
        boolean on = enabled.getValue();
        enabledState.setText(getTranslation(on ? "solutions.enabled" : "solutions.disabled"));
        enabledState.getElement().getThemeList().clear();
        enabledState.getElement().getThemeList().add(on ? "badge success" : "badge contrast");
    }

    private void cronChanged() {
        String expression = cron.getValue() == null ? "" : cron.getValue().trim();
        next.removeAll();
        Optional<String> problem = cronProblem();
        if (problem.isPresent()) {
            cron.setErrorMessage(problem.get());
            cron.setInvalid(true);
            description.setText("");
            next.add(new Span(getTranslation("solutions.schedule.noNext")));
            return;
        }
        cron.setInvalid(false);
        description.setText(CronDescription.describe(expression, this::getTranslation));
        if (expression.isEmpty()) {
            next.add(new Span(getTranslation("solutions.schedule.noNext")));
            return;
        }
        UnorderedList list = new UnorderedList();
        for (Instant time : SolutionScheduler.nextFireTimes(expression, Instant.now(), 5)) {
            list.add(new ListItem(Times.format(time) + "  " + time.atZone(Times.ZONE).getDayOfWeek()
                    .getDisplayName(TextStyle.SHORT, getLocale())));
        }
        next.add(list);
    }

    /** Why the expression is invalid, in Quartz's words (the check saving makes), if it is. */
    Optional<String> cronProblem() {
        String expression = cron.getValue() == null ? "" : cron.getValue().trim();
        if (expression.isEmpty()) {
            return Optional.empty();
        }
        try {
            CronExpression.validateExpression(expression);
        } catch (ParseException e) {
            return Optional.of(getTranslation("solutions.schedule.cronInvalid", expression, e.getMessage()));
        }
        try {
            SolutionValidator.checkCron(new SolutionSpec.Schedule(expression, false), minInterval);
            return Optional.empty();
        } catch (Problem e) {
            return Optional.of(e.message(getLocale()));
        }
    }

    private String retryText() {
        Integer tries = attempts.getValue();
        Integer wait = backoff.getValue();
        Double factor = multiplier.getValue();
        if (tries == null || wait == null || factor == null || tries < 1) {
            return "";
        }
        if (tries == 1) {
            return getTranslation("solutions.retry.none");
        }
        List<String> waits = new ArrayList<>();
        for (int i = 0; i < Math.min(tries - 1, 6); i++) {
            double millis = wait * Math.pow(factor, i);
            waits.add(millis >= 1000 ? String.format("%.1f s", millis / 1000) : Math.round(millis) + " ms");
        }
        if (tries - 1 > 6) {
            waits.add("…");
        }
        double spread = jitter.getValue() == null ? 0 : jitter.getValue();
        return getTranslation("solutions.retry.summary", String.join(", ", waits), Math.round(spread * 100));
    }

    SolutionSpec.Schedule schedule() {
        String expression = cron.getValue() == null ? "" : cron.getValue().trim();
        return new SolutionSpec.Schedule(expression.isEmpty() ? null : expression, enabled.getValue());
    }

    SolutionSpec.RateLimit rateLimit() {
        return new SolutionSpec.RateLimit(rateLimit.getValue() == null ? 0 : rateLimit.getValue());
    }

    SolutionSpec.Retry retry() {
        return new SolutionSpec.Retry(attempts.getValue() == null ? 0 : attempts.getValue(),
                backoff.getValue() == null ? 0 : backoff.getValue(),
                multiplier.getValue() == null ? 0 : multiplier.getValue(),
                jitter.getValue() == null ? 0 : jitter.getValue(),
                laterRuns.getValue() == null ? 0 : laterRuns.getValue());
    }

    LogLevel logLevel() {
        return logLevel.getValue() == null ? LogLevel.ALL : logLevel.getValue();
    }

    TextField cronField() {
        return cron;
    }

    /** What the number of automatic retries by later runs means, in words. */
    private String laterRunsHelp(Integer runs) {
        if (runs == null || runs <= 0) {
            return getTranslation("solutions.retry.laterRuns.off");
        }
        return getTranslation(runs == 1 ? "solutions.retry.laterRuns.next" : "solutions.retry.laterRuns.upTo", runs);
    }

    Optional<Component> fieldFor(String problemField) {
        return Optional.ofNullable(switch (problemField) {
            case "schedule", "schedule.cron" -> cron;
            case "rateLimit", "rateLimit.perSecond" -> rateLimit;
            case "retry", "retry.attempts" -> attempts;
            case "retry.backoffMillis" -> backoff;
            case "retry.multiplier" -> multiplier;
            case "retry.jitter" -> jitter;
            case "retry.laterRuns" -> laterRuns;
            case "logLevel" -> logLevel;
            default -> null;
        });
    }
}
