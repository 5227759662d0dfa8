package io.yunqiao.web.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import java.util.Arrays;
import java.util.List;

/**
 * The texts Vaadin's components bring in English of their own — a date picker's month and weekday names, an
 * upload's "Drop files here" and "File is Too Big", a login form's labels — in the UI's language (the person's
 * {@link LanguageChoice}), from the {@code components.*} codes of {@code i18n/shell.properties}. Every screen takes
 * them from here, so no component shows its built-in English in the Chinese UI. Weeks start on Monday and dates
 * read {@code yyyy-MM-dd}, as on Chinese calendars and in the rest of the UI. A change of language reloads the page
 * ({@link LanguageChoice#choose}), so the texts are set once, when the component is made.
 */
public final class ComponentTexts {

    /** Monday, in the date picker's count (0 is Sunday). */
    private static final int MONDAY = 1;

    private ComponentTexts() {
    }

    /** Gives a date picker month and weekday names, today/cancel buttons and dates as {@code yyyy-MM-dd}. */
    public static DatePicker localize(DatePicker picker) {
        picker.setI18n(datePicker());
        return picker;
    }

    /** The same for a date-and-time picker's date part. */
    public static DateTimePicker localize(DateTimePicker picker) {
        picker.setDatePickerI18n(datePicker());
        return picker;
    }

    /** Gives an upload its buttons, drop hint, refusals (too big, wrong type, too many) and progress texts. */
    public static Upload localize(Upload upload) {
        UploadI18N texts = new UploadI18N();
        texts.setDropFiles(new UploadI18N.DropFiles().setOne(text("components.upload.dropOne"))
                .setMany(text("components.upload.dropMany")));
        texts.setAddFiles(new UploadI18N.AddFiles().setOne(text("components.upload.addOne"))
                .setMany(text("components.upload.addMany")));
        texts.setError(new UploadI18N.Error().setTooManyFiles(text("components.upload.tooMany"))
                .setFileIsTooBig(text("components.upload.tooBig"))
                .setIncorrectFileType(text("components.upload.wrongType")));
        texts.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(text("components.upload.connecting"))
                        .setStalled(text("components.upload.stalled"))
                        .setProcessing(text("components.upload.processing"))
                        .setHeld(text("components.upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(text("components.upload.remaining"))
                        .setUnknown(text("components.upload.remainingUnknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(text("components.upload.serverUnavailable"))
                        .setUnexpectedServerError(text("components.upload.serverError"))
                        .setForbidden(text("components.upload.forbidden"))));
        texts.setFile(new UploadI18N.File().setRetry(text("components.upload.retry"))
                .setStart(text("components.upload.start")).setRemove(text("components.upload.remove")));
        texts.setUnits(new UploadI18N.Units(list("components.upload.units")));
        upload.setI18n(texts);
        return upload;
    }

    /**
     * A login form's texts with nothing left in English: labels, the submit button, the "forgot password" link and
     * the refusal shown after a wrong password. The caller may replace the refusal (locked, expired).
     */
    public static LoginI18n login() {
        LoginI18n texts = LoginI18n.createDefault();
        texts.getForm().setTitle(text("login.title"));
        texts.getForm().setUsername(text("login.username"));
        texts.getForm().setPassword(text("login.password"));
        texts.getForm().setSubmit(text("login.submit"));
        texts.getForm().setForgotPassword(text("login.forgot"));
        texts.getErrorMessage().setTitle(text("login.error.title"));
        texts.getErrorMessage().setMessage(text("login.error.message"));
        texts.setAdditionalInformation(null);
        return texts;
    }

    private static DatePicker.DatePickerI18n datePicker() {
        return new DatePicker.DatePickerI18n()
                .setMonthNames(list("components.datePicker.months"))
                .setWeekdays(list("components.datePicker.weekdays"))
                .setWeekdaysShort(list("components.datePicker.weekdaysShort"))
                .setFirstDayOfWeek(MONDAY)
                .setToday(text("components.datePicker.today"))
                .setCancel(text("components.datePicker.cancel"))
                .setDateFormat(text("components.datePicker.format"));
    }

    private static List<String> list(String key) {
        return Arrays.stream(text(key).split(",")).map(String::trim).toList();
    }

    private static String text(String key) {
        // components are made while a UI handles a request: its locale is the person's choice
        return UI.getCurrent().getTranslation(key);
    }
}
