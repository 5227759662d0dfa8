package io.yunqiao.run.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.yunqiao.problem.Problem;
import io.yunqiao.run.search.SearchQuery.Match;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What a typed search text means, and which texts are refused before any database is asked. */
class SearchQueryTest {

    @Test
    void aBillNumberIsSearchedAsTheStartOfTheValueByDefault() {
        // when a clerk types the beginning of a bill number
        SearchQuery query = SearchQuery.parse("CGRK-2026", null);

        // then the records whose keys start with it are asked for
        assertThat(query.text()).isEqualTo("CGRK-2026");
        assertThat(query.match()).isEqualTo(Match.PREFIX);
    }

    @Test
    void spacesAroundTheTextAreIgnored() {
        assertThat(SearchQuery.parse("  CGRK-20260101-0001 \t", Match.EXACT).text()).isEqualTo("CGRK-20260101-0001");
    }

    @Test
    void anExactSearchStaysExact() {
        assertThat(SearchQuery.parse("GYS0023", Match.EXACT).match()).isEqualTo(Match.EXACT);
    }

    @Test
    void aTrailingStarAsksForAPrefixAndIsNotPartOfTheText() {
        // when someone types the wildcard they know from other programs, even with an exact search
        SearchQuery query = SearchQuery.parse("CGRK-2026*", Match.EXACT);

        // then it means "starting with"
        assertThat(query.text()).isEqualTo("CGRK-2026");
        assertThat(query.match()).isEqualTo(Match.PREFIX);
        assertThat(SearchQuery.parse("CGRK%", null).text()).isEqualTo("CGRK");
    }

    @Test
    void theDatabaseWildcardsInTheTextMatchOnlyThemselves() {
        // given a key with an underscore and a percent sign (and the escape character itself)
        String pattern = SearchQuery.prefixPattern("ORDER_10%\\A");

        // then the LIKE pattern escapes each of them and ends with the one wildcard of a prefix search
        assertThat(pattern).isEqualTo("ORDER\\_10\\%\\\\A%");
    }

    @Test
    void smallLettersAreAlsoLookedUpInCapitals() {
        assertThat(SearchQuery.parse("cgrk-2026", null).variants()).containsExactly("cgrk-2026", "CGRK-2026");
        assertThat(SearchQuery.parse("CGRK-2026", null).variants()).containsExactly("CGRK-2026");
    }

    @Test
    void anEmptyTextIsRefused() {
        assertRefused(null, "problem.search.empty");
        assertRefused("", "problem.search.empty");
        assertRefused("   \t ", "problem.search.empty");
    }

    @Test
    void aTextLongerThanAnyKeyIsRefusedWithTheLimit() {
        // given a text of 301 characters (a key column holds at most 300)
        String huge = "A".repeat(SearchQuery.MAX_LENGTH + 1);

        // then it is refused, saying the limit and the length
        Problem refusal = refusal(huge);
        assertThat(refusal.code()).isEqualTo("problem.search.tooLong");
        assertThat(refusal.message(Locale.SIMPLIFIED_CHINESE)).contains("300").contains("301");
        assertThat(refusal.message(Locale.ENGLISH)).contains("at most 300 characters, it has 301");
        assertThat(SearchQuery.parse("A".repeat(SearchQuery.MAX_LENGTH), null).text()).hasSize(300);
    }

    @Test
    void aMegabyteOfTextIsRefusedQuickly() {
        assertRefused("9".repeat(1 << 20), "problem.search.tooLong");
    }

    @Test
    void wildcardsAloneAreRefusedInsteadOfListingEverything() {
        for (String typed : new String[] {"%", "*", "_", "?", "**", "% _", "%%%%"}) {
            assertRefused(typed, "problem.search.wildcardOnly");
        }
        assertThat(refusal("*").message(Locale.SIMPLIFIED_CHINESE)).contains("CGRK-2026");
    }

    @Test
    void aControlCharacterIsRefusedWithItsPosition() {
        Problem refusal = refusal("CGRK\u00002026");
        assertThat(refusal.code()).isEqualTo("problem.search.control");
        assertThat(refusal.message(Locale.ENGLISH)).contains("Character 5").contains("U+0000");
    }

    @Test
    void everyRefusalNamesTheQueryParameterAndIsInvalidInput() {
        Problem refusal = refusal("");
        assertThat(refusal.field()).isEqualTo("q");
        assertThat(refusal.kind()).isEqualTo(Problem.Kind.INVALID);
    }

    private static void assertRefused(String typed, String code) {
        assertThat(refusal(typed).code()).isEqualTo(code);
    }

    private static Problem refusal(String typed) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> SearchQuery.parse(typed, null));
        assertThat(thrown).isInstanceOf(Problem.class);
        return (Problem) thrown;
    }
}
