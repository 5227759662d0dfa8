package io.yunqiao.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A coded refusal speaks the reader's language: Chinese by default, English when asked. */
class ProblemTest {

    @Test
    void aCodedProblemIsChineseByDefault() {
        Problem problem = Problem.coded(Problem.Kind.INVALID, null, "problem.internal", "ab12cd34");

        assertThat(problem.message(Locale.SIMPLIFIED_CHINESE)).contains("追踪号 ab12cd34");
        assertThat(problem.message(null)).contains("追踪号 ab12cd34");
        assertThat(problem.message(Locale.GERMAN)).contains("追踪号 ab12cd34");
    }

    @Test
    void aCodedProblemIsEnglishForEnglishReadersAndInTheLog() {
        Problem problem = Problem.coded(Problem.Kind.INVALID, "name", "problem.internal", "ab12cd34");

        assertThat(problem.message(Locale.US)).contains("trace id ab12cd34");
        assertThat(problem.getMessage()).isEqualTo(problem.message(Locale.ENGLISH));
        assertThat(problem.code()).isEqualTo("problem.internal");
        assertThat(problem.field()).isEqualTo("name");
    }

    @Test
    void aCodeWithoutTextReadsAsASentenceNamingItNeverABareKeyOrBlank() {
        assertThat(Problem.coded(Problem.Kind.INVALID, null, "problem.no.such", "C1", 2).message(Locale.ENGLISH))
                .isEqualTo("Message code problem.no.such (this version has no text for it) C1 | 2");
    }

    @Test
    void aMissingParameterShowsAsAnEllipsisNotAPlaceholder() {
        assertThat(ProblemTexts.render("problem.limit.nameTooLong", Locale.ENGLISH, "name"))
                .doesNotContain("{1}").contains("…");
    }

    @Test
    void aSideChosenByNumberIsNamedInEachLanguage() {
        Problem source = Problem.coded(Problem.Kind.INVALID, "source.connection", "problem.run.noConnection", 0);
        Problem target = Problem.coded(Problem.Kind.INVALID, "target.connection", "problem.run.noConnection", 1);

        assertThat(source.message(Locale.SIMPLIFIED_CHINESE)).contains("来源连接");
        assertThat(target.message(Locale.SIMPLIFIED_CHINESE)).contains("目标连接");
        assertThat(source.getMessage()).contains("no source connection");
        assertThat(target.getMessage()).contains("no target connection");
    }
}
