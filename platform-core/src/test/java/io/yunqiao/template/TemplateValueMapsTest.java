package io.yunqiao.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yunqiao.connector.DefinitionException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The value-map tables a template file ships ({@code "valueMaps"}), as the platform reads them at start. */
class TemplateValueMapsTest {

    /** The value maps of a template file {@code t.json} whose {@code valueMaps} is {@code json}. */
    private static Map<String, Map<String, String>> read(String json) {
        String file = "{\"id\": \"t1\", \"title\": {\"zh\": \"模板\"}, \"description\": {\"zh\": \"说明\"}, " + SOLUTION
                + ", \"valueMaps\": " + json + "}";
        return Templates.read(serving(file), "t.json").valueMaps();
    }

    /** A class loader that serves one template file, {@code t.json}, holding {@code text}. */
    private static ClassLoader serving(String text) {
        return new ClassLoader(TemplateValueMapsTest.class.getClassLoader()) {
            @Override
            public InputStream getResourceAsStream(String name) {
                return name.equals("t.json") ? new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))
                        : null;
            }

            @Override
            public URL getResource(String name) {
                return null;
            }
        };
    }

    private static final String SOLUTION = "\"solution\": {\"name\": \"n\", \"source\": {\"connector\": \"a\","
            + " \"operation\": \"q\", \"params\": {}, \"pageSize\": 10}, \"target\": {\"connector\": \"b\","
            + " \"operation\": \"x\", \"mapping\": \"{}\"}}";

    @Test
    void aTemplateReadsItsTablesWithTheirEntriesInOrder() {
        // given a template file shipping one table
        String file = "{\"id\": \"t1\", \"title\": {\"zh\": \"模板\"}, \"description\": {\"zh\": \"说明\"}, " + SOLUTION
                + ", \"valueMaps\": {\"金蝶采购业务类型\": {\"普通采购\": \"普通供应商\", \"直运采购\": \"直运供应商\"}}}";
        // when it is read
        SolutionTemplate template = Templates.read(serving(file), "t.json");
        // then the table and its entries are there
        assertThat(template.valueMaps()).containsOnlyKeys("金蝶采购业务类型");
        assertThat(template.valueMaps().get("金蝶采购业务类型")).containsExactly(Map.entry("普通采购", "普通供应商"),
                Map.entry("直运采购", "直运供应商"));
    }

    @Test
    void aTemplateWithoutValueMapsShipsNone() {
        // given a template file without valueMaps
        String file = "{\"id\": \"t1\", \"title\": {\"zh\": \"模板\"}, \"description\": {\"zh\": \"说明\"}, " + SOLUTION
                + "}";
        // when it is read, then it ships no table
        assertThat(Templates.read(serving(file), "t.json").valueMaps()).isEmpty();
    }

    @Test
    void valueMapsThatAreNotAnObjectOfTablesAreRefusedNamingTheTemplate() {
        assertThatThrownBy(() -> read("[\"付款方式\"]")).isInstanceOf(DefinitionException.class)
                .hasMessageContaining("t.json").hasMessageContaining("valueMaps must be a set of tables");
        assertThatThrownBy(() -> read("{\"付款方式\": [\"现金\"]}")).isInstanceOf(DefinitionException.class)
                .hasMessageContaining("table \"付款方式\" must be a set of entries");
    }

    @Test
    void aTableNameAMappingCouldNotQuoteIsRefused() {
        // given table names with a quote, a slash, surrounding spaces or nothing
        for (String name : new String[] {"付款\\\"方式", "a/b", " 付款方式", ""}) {
            // when read, then refused naming the rule
            assertThatThrownBy(() -> read("{\"" + name + "\": {}}")).as(name)
                    .isInstanceOf(DefinitionException.class).hasMessageContaining("cannot be used");
        }
    }

    @Test
    void anEntryWhoseValueIsNotTextOrWhoseKeyIsEmptyIsRefused() {
        assertThatThrownBy(() -> read("{\"付款方式\": {\"现金\": 1}}")).isInstanceOf(DefinitionException.class)
                .hasMessageContaining("the target value of \"现金\" must be a text");
        assertThatThrownBy(() -> read("{\"付款方式\": {\"\": \"1\"}}")).isInstanceOf(DefinitionException.class)
                .hasMessageContaining("has a source value that is empty");
    }

    @Test
    void moreTablesThanATemplateMayShipAreRefused() {
        // given one table more than allowed
        StringBuilder tables = new StringBuilder("{");
        for (int i = 0; i <= Templates.MAX_VALUE_MAPS; i++) {
            tables.append(i == 0 ? "" : ",").append("\"表").append(i).append("\": {}");
        }
        // when read, then refused with the limit
        assertThatThrownBy(() -> read(tables.append('}').toString())).isInstanceOf(DefinitionException.class)
                .hasMessageContaining("at most " + Templates.MAX_VALUE_MAPS);
    }
}
