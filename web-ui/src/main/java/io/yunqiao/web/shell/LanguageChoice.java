package io.yunqiao.web.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Chinese unless the person chose English: the choice lives in a cookie, so it survives signing out and in, and
 * the browser's own language does not override the product's default.
 */
@Component
public class LanguageChoice implements VaadinServiceInitListener {

    static final String COOKIE = "yunqiao-lang";
    private static final long serialVersionUID = 1L;

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().setLocale(chosen()));
    }

    /** Switches the current UI and remembers the choice in the browser. */
    public static void choose(UI ui, Locale locale) {
        VaadinSession.getCurrent().setLocale(locale);
        Cookie cookie = new Cookie(COOKIE, locale.toLanguageTag());
        cookie.setPath("/");
        cookie.setMaxAge(60 * 60 * 24 * 365);
        VaadinService.getCurrentResponse().addCookie(cookie);
        ui.setLocale(locale);
        ui.getPage().reload();
    }

    private static Locale chosen() {
        var request = VaadinService.getCurrentRequest();
        if (request != null && request.getCookies() != null) {
            return Arrays.stream(request.getCookies()).filter(c -> COOKIE.equals(c.getName())).findFirst()
                    .map(c -> Locale.forLanguageTag(c.getValue()))
                    .filter(l -> l.getLanguage().equals(Locale.ENGLISH.getLanguage())).orElse(Translations.CHINESE);
        }
        return Translations.CHINESE;
    }
}
