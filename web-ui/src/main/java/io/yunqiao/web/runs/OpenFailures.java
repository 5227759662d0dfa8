package io.yunqiao.web.runs;

import com.vaadin.flow.component.html.Span;
import java.util.function.BiFunction;

/**
 * A solution's open failures (待处理失败) as the lists show them: records that failed and that no later run or
 * re-push has written since. A later empty run reading 成功 does not hide them; zero reads as a quiet dash.
 */
public final class OpenFailures {

    private OpenFailures() {
    }

    /** {@code translate} is the screen's {@code getTranslation}. */
    public static Span badge(long open, BiFunction<String, Object[], String> translate) {
        Span badge = new Span(open == 0 ? "—" : String.valueOf(open));
        badge.addClassName("yq-open-failures");
        if (open > 0) {
            badge.getElement().getThemeList().add("badge error");
            badge.getElement().setAttribute("title", translate.apply("runs.openFailures.tip", new Object[0]));
        }
        return badge;
    }
}
