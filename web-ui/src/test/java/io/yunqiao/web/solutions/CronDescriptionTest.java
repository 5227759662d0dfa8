package io.yunqiao.web.solutions;

import static org.assertj.core.api.Assertions.assertThat;

import io.yunqiao.web.shell.Translations;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cron expressions in words, from the UI's own translations, in Chinese (the default) and English. */
class CronDescriptionTest {

    private static final Translations TRANSLATIONS = new Translations();

    private static String chinese(String cron) {
        return CronDescription.describe(cron, (key, params) -> TRANSLATIONS.getTranslation(key,
                Translations.CHINESE, params));
    }

    private static String english(String cron) {
        return CronDescription.describe(cron, (key, params) -> TRANSLATIONS.getTranslation(key, Locale.ENGLISH,
                params));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "* * * * * ?           | 每秒",
        "*/10 * * * * ?        | 每 10 秒",
        "0 * * * * ?           | 每分钟",
        "0 */5 * * * ?         | 每 5 分钟",
        "0 0/15 * * * ?        | 每 15 分钟",
        "30 0/15 * * * ?       | 每 15 分钟（第 30 秒）",
        "0 0 * * * ?           | 每小时整点",
        "0 20 * * * ?          | 每小时的第 20 分",
        "0 10 */2 * * ?        | 每 2 小时（第 10 分）",
        "0 0 2 * * ?           | 每天 02:00",
        "0 30 9,18 * * ?       | 每天 09:30、18:30",
        "0 0/30 9-17 * * ?     | 每天 09:00 到 17:59 之间每 30 分钟",
        "0 0 9-18 * * ?        | 每天 09:00 到 18:00 之间每小时一次",
        "0 0 9 ? * MON-FRI     | 工作日（周一至周五） 09:00",
        "0 0 9 ? * 2-6         | 工作日（周一至周五） 09:00",
        "0 0 10 ? * SAT,SUN    | 周末（周六、周日） 10:00",
        "0 0 8 ? * MON,WED,FRI | 每周一、周三、周五 08:00",
        "0 */5 * ? * MON-FRI   | 工作日（周一至周五） 每 5 分钟",
        "0 30 8 1 * ?          | 每月 1 日 08:30",
        "0 30 8 1,15 * ?       | 每月 1、15 日 08:30",
        "0 0 23 L * ?          | 每月最后一天 23:00",
        "0 0 18 LW * ?         | 每月最后一个工作日 18:00",
        "0 0 2 * * ? *         | 每天 02:00",
    })
    void describesTheCommonFormsInChinese(String cron, String expected) {
        // given a common schedule, when it is described in the default language, then it reads as written
        assertThat(chinese(cron)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "*/10 * * * * ?        | every 10 seconds",
        "0 * * * * ?           | every minute",
        "0 */5 * * * ?         | every 5 minutes",
        "0 0 * * * ?           | every hour on the hour",
        "0 0 2 * * ?           | at 02:00 every day",
        "0 0/30 9-17 * * ?     | every 30 minutes between 09:00 and 17:59 every day",
        "0 0 9 ? * MON-FRI     | at 09:00 on weekdays (Monday to Friday)",
        "0 0 8 ? * MON,WED,FRI | at 08:00 every Monday, Wednesday and Friday",
        "0 30 8 1,15 * ?       | at 08:30 on days 1 and 15 of every month",
        "0 0 23 L * ?          | at 23:00 on the last day of every month",
    })
    void describesTheCommonFormsInEnglish(String cron, String expected) {
        // given a common schedule, when it is described for an English UI, then it reads as written
        assertThat(english(cron)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "0 0 12 ? * 6#3",
        "0 0 12 ? JAN *",
        "0 0 12 * * ? 2030",
        "0 15 10 15W * ?",
        "0 0 0 1/3 * ?",
        "0 1,2,3,4 1,2,3 * * ?",
        "5/10 3 * * * ?",
    })
    void fallsBackToCustomForRareForms(String cron) {
        // given an expression outside the common forms, when described, then it is called a custom expression
        assertThat(chinese(cron)).startsWith("自定义表达式");
        assertThat(english(cron)).startsWith("custom expression");
    }

    @Test
    void anEmptyScheduleSaysTheSolutionRunsOnlyByHand() {
        // given no cron at all, when described, then it says runs happen only when started by hand
        assertThat(chinese("  ")).contains("手动");
        assertThat(english(null)).contains("by hand");
    }

    @Test
    void inWordsKeepsTheWordsOfACommonForm() {
        // given the common forms the issue names, when put in words for a screen without fire times
        // then they read as the editor describes them
        assertThat(CronDescription.inWords("0 0 2 * * ?", (key, params) -> TRANSLATIONS.getTranslation(key,
                Translations.CHINESE, params))).isEqualTo("每天 02:00");
        assertThat(CronDescription.inWords("0 0 9-18 ? * MON-FRI", (key, params) -> TRANSLATIONS.getTranslation(key,
                Translations.CHINESE, params))).isEqualTo("工作日（周一至周五） 09:00 到 18:00 之间每小时一次");
    }

    @Test
    void inWordsShowsTheExpressionOfARareFormRatherThanHidingIt() {
        // given an expression outside the common forms, when put in words for a screen without fire times
        // then it is called a custom schedule and the expression is shown, in both languages
        assertThat(CronDescription.inWords("0 0 12 ? * 6#3", (key, params) -> TRANSLATIONS.getTranslation(key,
                Translations.CHINESE, params))).isEqualTo("自定义计划（0 0 12 ? * 6#3）");
        assertThat(CronDescription.inWords(" 0 0 12 ? * 6#3 ", (key, params) -> TRANSLATIONS.getTranslation(key,
                Locale.ENGLISH, params))).isEqualTo("custom schedule (0 0 12 ? * 6#3)");
    }
}
