package io.yunqiao.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class StoredMessageTest {

    @Test
    void aStoredCodedMessageIsShownInTheReadersLanguage() {
        String stored = StoredMessage.of("problem.limit.nameTooLong", "name", 200).store();

        assertThat(StoredMessage.render(stored, Locale.ENGLISH))
                .isEqualTo(ProblemTexts.render("problem.limit.nameTooLong", Locale.ENGLISH, "name", "200"));
        assertThat(StoredMessage.render(stored, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo(ProblemTexts.render("problem.limit.nameTooLong", Locale.SIMPLIFIED_CHINESE, "name", "200"))
                .doesNotContain("problem.limit");
    }

    @Test
    void aPlainMessageStoredBeforeCodesIsShownAsItWasStored() {
        assertThat(StoredMessage.render("the mapping gave no output for this record", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("the mapping gave no output for this record");
        assertThat(StoredMessage.render("{\"code\": broken", Locale.ENGLISH)).isEqualTo("{\"code\": broken");
        assertThat(StoredMessage.render(null, Locale.ENGLISH)).isNull();
    }

    @Test
    void parametersSurviveStorageWithQuotesAndLineBreaks() {
        StoredMessage message = StoredMessage.of("any.code", "客户编号已存在: \"C1\"\n第二行", null);

        assertThat(StoredMessage.read(message.store())).contains(new StoredMessage("any.code",
                java.util.List.of("客户编号已存在: \"C1\"\n第二行", "")));
    }

    @Test
    void aParameterThatIsItselfACodedMessageIsShownInTheSameLanguage() {
        String inner = StoredMessage.of("connector.errorClass.AUTH").store();

        String stored = StoredMessage.of("connector.failed", "金蝶", "jdy/x", inner, "", "", "wrong").store();

        assertThat(StoredMessage.render(stored, Locale.SIMPLIFIED_CHINESE)).contains("认证失败").doesNotContain("code");
        assertThat(StoredMessage.render(stored, Locale.ENGLISH)).contains("authentication refused");
    }

    @Test
    void aNumberKeptAsTextIsFormattedWhereTheTextCountsIt() {
        String stored = StoredMessage.of("problem.run.connectionDeleted", 1, "5").store();

        assertThat(StoredMessage.render(stored, Locale.ENGLISH)).startsWith("The target connection 5 was deleted");
    }
}
