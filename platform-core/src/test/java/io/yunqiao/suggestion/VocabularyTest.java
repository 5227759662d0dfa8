package io.yunqiao.suggestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yunqiao.suggestion.Vocabulary.Term;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    private final Vocabulary vocabulary = Vocabulary.standard();

    @Test
    void aChineseLabelIsCutIntoItsLongestKnownWords() {
        assertThat(vocabulary.terms("客户省份名称")).extracting(Term::group)
                .containsExactly("party", "province", "name");
    }

    @Test
    void wordsTheVocabularyDoesNotKnowStayAsTheyAre() {
        assertThat(vocabulary.terms("扩展客户字段")).extracting(Term::concept)
                .containsExactly("?扩展", "party", "?字段");
    }

    @Test
    void helpInBracketsAndAfterACommaAndASectionBeforeADashAreNotPartOfTheName() {
        assertThat(vocabulary.terms("单据状态,Z:未审核,C:已审核")).extracting(Term::group)
                .containsExactly("bill", "status");
        assertThat(vocabulary.terms("性别(枚举)")).extracting(Term::group).containsExactly("gender");
        assertThat(vocabulary.terms("基本信息地址-详细地址")).extracting(Term::group).containsExactly("address");
    }

    @Test
    void camelCaseSnakeCaseAndGluedEnglishWordsAreSplit() {
        assertThat(vocabulary.terms("customerid_number")).extracting(Term::group)
                .containsExactly("party", "id", "code");
        assertThat(vocabulary.terms("specialReminding")).extracting(Term::concept)
                .containsExactly("?special", "remark");
        assertThat(vocabulary.terms("billno")).extracting(Term::group).containsExactly("bill", "code");
    }

    @Test
    void anEnglishPhraseOfTheVocabularyIsOneTerm() {
        assertThat(vocabulary.terms("Contact person")).extracting(Term::group).containsExactly("person");
        assertThat(vocabulary.terms("taxNumber")).extracting(Term::group).containsExactly("taxno");
    }

    @Test
    void aWordInTwoGroupsIsRefusedBecauseItsMeaningWouldDependOnTheOrder() {
        assertThatThrownBy(() -> Vocabulary.of(Map.of("a", "编码,code", "b", "code")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'code'");
    }

    @Test
    void aNonsenseTokenOfGluedWordsIsCutInBoundedTime() {
        // every prefix is a word, no split ends the token: without remembering dead ends this is exponential
        String token = "nono".repeat(9) + "x";

        assertThat(vocabulary.terms(token)).extracting(Term::word).containsExactly(token);
    }
}
