package io.yunqiao.valuemap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yunqiao.limit.InputLimits;
import io.yunqiao.problem.Problem;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Value-map tables on a real H2 database migrated by the platform's migrations: created empty, edited, imported
 * (replacing or merging) and deleted, with the solutions that read them in view; a refused change leaves the table
 * as it was.
 */
class ValueMapTablesTest {

    private JdbcDataSource database;
    private JdbcTemplate jdbc;
    private final List<SolutionView> solutions = new ArrayList<>();
    private ValueMapTables tables;

    @BeforeEach
    void migratedDatabase() {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:valuemaps-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        database.setUser("sa");
        Flyway.configure().dataSource(database)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        jdbc = new JdbcTemplate(database);
        tables = tables(ValueMapLimits.DEFAULTS);
    }

    private ValueMapTables tables(ValueMapLimits limits) {
        return new ValueMapTables(jdbc, InputLimits.DEFAULTS, limits, Clock.systemUTC(), () -> List.copyOf(solutions));
    }

    private void solutionUsing(long id, String name, String mapping, String updateMapping) {
        SolutionSpec spec = new SolutionSpec(name, null, null, null,
                new SolutionSpec.Target(1L, "jackyun", "crm.customer.create", mapping), null, null, null, null, null);
        if (updateMapping != null) {
            spec = spec.withExisting(new SolutionSpec.Existing(SolutionSpec.Existing.Policy.UPDATE,
                    "crm.customer.update", updateMapping));
        }
        solutions.add(new SolutionView(id, name, false, null, 1, spec, Instant.now(), Instant.now()));
    }

    private static Problem refusal(Runnable action) {
        try {
            action.run();
        } catch (Problem problem) {
            return problem;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aNewTableExistsBeforeItsFirstEntry() {
        tables.create("付款方式", "收款方式到吉客云的代码");

        assertThat(tables.names()).containsExactly("付款方式");
        assertThat(tables.get("付款方式")).isEmpty();
        assertThat(tables.table("付款方式").description()).isEqualTo("收款方式到吉客云的代码");
    }

    @Test
    void aTakenOrQuotedNameIsRefused() {
        tables.create("付款方式", null);

        assertThat(refusal(() -> tables.create("付款方式", null)).code()).isEqualTo("problem.valuemap.nameTaken");
        assertThat(refusal(() -> tables.create("a\"b", null)).code()).isEqualTo("problem.valuemap.nameChars");
        assertThat(refusal(() -> tables.create(" ", null)).code()).isEqualTo("problem.valuemap.nameMissing");
    }

    @Test
    void theNumberOfTablesIsLimited() {
        ValueMapTables two = tables(new ValueMapLimits(2, DataSize.ofMegabytes(1)));
        two.create("一", null);
        two.create("二", null);

        Problem refused = refusal(() -> two.create("三", null));

        assertThat(refused.kind()).isEqualTo(Problem.Kind.TOO_LARGE);
        assertThat(refused.getMessage()).contains("yunqiao.limits.value-map-tables");
        assertThat(two.names()).containsExactly("一", "二");
    }

    @Test
    void entriesAreAddedChangedRenamedAndRemoved() {
        tables.create("付款方式", null);
        tables.putEntry("付款方式", null, "现金", "CASH");
        tables.putEntry("付款方式", null, "转账", "BANK");
        tables.putEntry("付款方式", "现金", "现金支付", "CASH");
        tables.edit("付款方式", Map.of("转账", "TRANSFER"), List.of());

        assertThat(tables.get("付款方式")).containsExactly(Map.entry("现金支付", "CASH"), Map.entry("转账", "TRANSFER"));

        tables.edit("付款方式", Map.of(), List.of("现金支付"));
        assertThat(tables.get("付款方式")).containsOnlyKeys("转账");
        assertThat(tables.table("付款方式").entries()).isEqualTo(1);
    }

    @Test
    void addingAKeyTheTableHasIsRefused() {
        tables.create("付款方式", null);
        tables.putEntry("付款方式", null, "现金", "CASH");

        assertThat(refusal(() -> tables.putEntry("付款方式", null, "现金", "X")).code())
                .isEqualTo("problem.valuemap.keyExists");
        assertThat(tables.get("付款方式")).containsEntry("现金", "CASH");
    }

    @Test
    void aGbkImportReplacesTheEntries() {
        tables.create("付款方式", null);
        tables.putEntry("付款方式", null, "支票", "CHECK");

        ValueMapImport done = tables.importCsv("付款方式", "源值,目标值\r\n现金,CASH\r\n转账,BANK\r\n"
                .getBytes(Charset.forName("GBK")), ValueMapImport.Mode.REPLACE);

        assertThat(done).isEqualTo(new ValueMapImport("付款方式", "GB18030", true, 2, 2, 0, 1, 2));
        assertThat(tables.get("付款方式")).containsOnlyKeys("现金", "转账");
    }

    @Test
    void aMergingImportKeepsTheOtherEntries() {
        tables.create("付款方式", null);
        tables.edit("付款方式", Map.of("支票", "CHECK", "现金", "C"), List.of());

        ValueMapImport done = tables.importCsv("付款方式", "现金,CASH\n".getBytes(StandardCharsets.UTF_8),
                ValueMapImport.Mode.MERGE);

        assertThat(done.changed()).isEqualTo(1);
        assertThat(tables.get("付款方式")).containsExactly(Map.entry("支票", "CHECK"), Map.entry("现金", "CASH"));
    }

    @Test
    void aRefusedFileLeavesTheTableAsItWas() {
        tables.create("付款方式", null);
        tables.putEntry("付款方式", null, "支票", "CHECK");

        Problem refused = refusal(() -> tables.importCsv("付款方式", "现金,CASH\n现金,BANK\n"
                .getBytes(StandardCharsets.UTF_8), ValueMapImport.Mode.REPLACE));

        assertThat(refused).isInstanceOf(ValueMapFileRefused.class);
        assertThat(tables.get("付款方式")).containsExactly(Map.entry("支票", "CHECK"));
    }

    @Test
    void aFileAboveTheLimitIsRefusedBeforeItIsRead() {
        tables.create("付款方式", null);
        ValueMapTables small = tables(new ValueMapLimits(10, DataSize.ofBytes(10)));

        Problem refused = refusal(() -> small.importCsv("付款方式", "现金,CASH\n转账,BANK\n"
                .getBytes(StandardCharsets.UTF_8), ValueMapImport.Mode.REPLACE));

        assertThat(refused.code()).isEqualTo("problem.valuemap.fileTooLarge");
        assertThat(refused.kind()).isEqualTo(Problem.Kind.TOO_LARGE);
    }

    @Test
    void anExportReadsBackAsTheSameEntries() {
        tables.create("付款方式", null);
        tables.edit("付款方式", Map.of("现金", "CASH", "-1", "=1+1"), List.of());
        tables.create("副本", null);

        tables.importCsv("副本", tables.exportCsv("付款方式"), ValueMapImport.Mode.REPLACE);

        assertThat(tables.get("副本")).isEqualTo(tables.get("付款方式"));
    }

    @Test
    void theListShowsWhichSolutionsReadATableAndTablesTheyMiss() {
        tables.create("付款方式", null);
        tables.create("没人用", null);
        solutionUsing(7, "收款同步", "{ \"pay\": $valueMap(\"付款方式\", way) }",
                "{ \"level\": $valueMap('客户等级', level) }");

        List<ValueMapTable> list = tables.tables();

        assertThat(list).extracting(ValueMapTable::name).containsExactly("付款方式", "没人用", "客户等级");
        assertThat(list.get(0).usedBy()).containsExactly(new ValueMapUse(7, "收款同步", "target.mapping"));
        assertThat(list.get(1).usedBy()).isEmpty();
        assertThat(list.get(2).exists()).isFalse();
        assertThat(list.get(2).usedBy()).containsExactly(new ValueMapUse(7, "收款同步", "existing.mapping"));
    }

    @Test
    void deletingATableInUseIsRefusedNamingTheSolutionsUnlessForced() {
        tables.create("付款方式", null);
        tables.putEntry("付款方式", null, "现金", "CASH");
        solutionUsing(7, "收款同步", "{ \"pay\": $valueMap(\"付款方式\", way) }", null);

        Problem refused = refusal(() -> tables.delete("付款方式", false));

        assertThat(refused.kind()).isEqualTo(Problem.Kind.CONFLICT);
        assertThat(refused.message(java.util.Locale.SIMPLIFIED_CHINESE)).contains("“收款同步”");
        assertThat(tables.get("付款方式")).containsKey("现金");

        tables.delete("付款方式", true);
        assertThat(tables.names()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from yq_value_map", Integer.class)).isZero();
    }

    @Test
    void renamingCarriesTheEntriesAndIsRefusedForATableInUse() {
        tables.create("付款方式", null);
        tables.putEntry("付款方式", null, "现金", "CASH");

        tables.update("付款方式", "收款方式", "新说明", false);
        assertThat(tables.names()).containsExactly("收款方式");
        assertThat(tables.get("收款方式")).containsEntry("现金", "CASH");

        solutionUsing(7, "收款同步", "$valueMap(\"收款方式\", way)", null);
        assertThat(refusal(() -> tables.update("收款方式", "别的", null, false)).code())
                .isEqualTo("problem.valuemap.renameInUse");
    }

    @Test
    void tablesMadeBeforeTheirOwnRowsBecomeTablesOnMigration() {
        JdbcDataSource old = new JdbcDataSource();
        old.setURL("jdbc:h2:mem:valuemaps-old-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        old.setUser("sa");
        Flyway.configure().dataSource(old).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .target("12").load().migrate();
        JdbcTemplate oldJdbc = new JdbcTemplate(old);
        oldJdbc.update("insert into yq_value_map values ('付款方式', '现金', 'CASH'), ('付款方式', '转账', 'BANK')");

        Flyway.configure().dataSource(old).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load().migrate();

        assertThat(Set.copyOf(oldJdbc.queryForList("select table_name from yq_value_map_table", String.class)))
                .containsExactly("付款方式");
    }

    @Test
    void anUnknownTableIsNotFound() {
        Problem refused = refusal(() -> tables.get("没有"));

        assertThat(refused.kind()).isEqualTo(Problem.Kind.NOT_FOUND);
        assertThat(refused.code()).isEqualTo("problem.valuemap.notFound");
        assertThatThrownBy(() -> tables.exportCsv("没有")).isInstanceOf(Problem.class);
    }
}
