package io.yunqiao.web.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.yunqiao.connector.ErrorClass;
import io.yunqiao.web.shell.Translations;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Error classes in words with what to do next, in Chinese (the default) and English. */
class ErrorClassTextTest {

    private static final Translations TRANSLATIONS = new Translations();

    private static String in(Locale locale, String code) {
        return ErrorClassText.of(code, key -> TRANSLATIONS.getTranslation(key, locale));
    }

    @ParameterizedTest
    @EnumSource(ErrorClass.class)
    void everyClassHasANameAndANextStepInBothLanguages(ErrorClass errorClass) {
        // given any error class, when it is shown, then it reads "name — what happened: what to do", never the code
        assertThat(in(Translations.CHINESE, errorClass.name())).contains(" — ", "：")
                .doesNotContain(errorClass.name(), "runs.errorClass");
        assertThat(in(Locale.ENGLISH, errorClass.name())).contains(" — ", ": ")
                .doesNotContain(errorClass.name(), "runs.errorClass");
    }

    @Test
    void alreadyExistsPointsAtTheSolutionsIfItAlreadyExistsSetting() {
        // given a record the target already has, when its class is shown, then it says where to skip or update
        assertThat(in(Translations.CHINESE, "ALREADY_EXISTS"))
                .isEqualTo("已存在 — 目标里已有这条数据：可在方案的“已存在时”设置跳过或更新");
    }

    @Test
    void anUnknownOrMissingCodeIsShownAsItIsOrNotAtAll() {
        // given a code of no known class (an older log), when shown, then it is kept as it is; none stays none
        assertThat(in(Translations.CHINESE, "TIMEOUT")).isEqualTo("TIMEOUT");
        assertThat(in(Translations.CHINESE, null)).isNull();
    }
}
