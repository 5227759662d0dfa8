package io.yunqiao.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.yunqiao.connector.LocalizedText;
import io.yunqiao.solution.SolutionSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gallery's search: every given criterion must hold, case-insensitively; a blank one is none. */
class TemplateSearchTest {

    private static final SolutionSpec SPEC = new SolutionSpec("采购入库单 → 客户", "说明",
            new SolutionSpec.Source(null, "erp", "bills.list", Map.of(), 50), null,
            new SolutionSpec.Target(null, "crm", "customer.add", "{\"code\": supplier}"),
            new SolutionSpec.Dedupe("code"), null, null, new SolutionSpec.Schedule("0 0/10 * * * ?", false), null);

    private static final SolutionTemplate TEMPLATE = new SolutionTemplate("erp-bills-to-crm", 1,
            new LocalizedText("采购入库单 → 客户", "Purchase bills → customers"),
            new LocalizedText("门店专用：每张单据的供应商成为客户", null), "客户", List.of("ERP", "采购入库单"), List.of(),
            SPEC, Map.of(), List.of(), TemplateOrigin.PUBLISHED, "database", null);

    @Test
    void noCriterionMatchesEveryTemplate() {
        assertThat(TemplateSearch.ALL.matches(TEMPLATE)).isTrue();
        assertThat(new TemplateSearch(" ", "", null, "  ").matches(TEMPLATE)).isTrue();
    }

    @Test
    void everyWordMustOccurInTheTitleDescriptionCategoryOrTags() {
        assertThat(new TemplateSearch("门店专用 purchase", null, null, null).matches(TEMPLATE)).isTrue();
        assertThat(new TemplateSearch("门店专用 吉客云", null, null, null).matches(TEMPLATE)).isFalse();
    }

    @Test
    void aSystemIsAConnectorAtEitherEnd() {
        assertThat(new TemplateSearch(null, "erp", null, null).matches(TEMPLATE)).isTrue();
        assertThat(new TemplateSearch(null, "crm", null, null).matches(TEMPLATE)).isTrue();
        assertThat(new TemplateSearch(null, "jackyun", null, null).matches(TEMPLATE)).isFalse();
    }

    @Test
    void aTagAndACategoryMatchWholeAndIgnoringCase() {
        assertThat(new TemplateSearch(null, null, "erp", "客户").matches(TEMPLATE)).isTrue();
        assertThat(new TemplateSearch(null, null, "ER", null).matches(TEMPLATE)).isFalse();
        assertThat(new TemplateSearch(null, null, null, "商品").matches(TEMPLATE)).isFalse();
    }
}
