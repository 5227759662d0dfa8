package io.yunqiao.valuemap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yunqiao.limit.InputLimits;
import io.yunqiao.problem.Problem;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Value-map files as Excel on a Chinese Windows writes them: the encoding found without asking, quoting, the header
 * row, every wrong line named, and formulas kept out of exports.
 */
class ValueMapCsvTest {

    private static final InputLimits LIMITS = InputLimits.DEFAULTS;
    private static final String PAYMENTS = "源值,目标值\r\n现金,CASH\r\n转账,BANK\r\n";

    private static ValueMapCsv.Read read(byte[] file) {
        return ValueMapCsv.read(file, LIMITS);
    }

    private static byte[] bom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[body.length + 3];
        file[0] = (byte) 0xEF;
        file[1] = (byte) 0xBB;
        file[2] = (byte) 0xBF;
        System.arraycopy(body, 0, file, 3, body.length);
        return file;
    }

    private static ValueMapFileRefused refusal(String text) {
        try {
            read(text.getBytes(StandardCharsets.UTF_8));
        } catch (ValueMapFileRefused refused) {
            return refused;
        }
        throw new AssertionError("the file was not refused: " + text);
    }

    @Test
    void aGbkFileFromExcelIsReadAsGb18030() {
        ValueMapCsv.Read read = read(PAYMENTS.getBytes(Charset.forName("GBK")));

        assertThat(read.encoding()).isEqualTo("GB18030");
        assertThat(read.entries()).containsExactly(Map.entry("现金", "CASH"), Map.entry("转账", "BANK"));
        assertThat(read.header()).isTrue();
    }

    @Test
    void aUtf8FileWithBomIsReadWithoutTheBomInTheFirstKey() {
        ValueMapCsv.Read read = read(bom("现金,CASH\n转账,BANK\n"));

        assertThat(read.encoding()).isEqualTo("UTF-8 (BOM)");
        assertThat(read.header()).isFalse();
        assertThat(read.entries()).containsOnlyKeys("现金", "转账");
    }

    @Test
    void aUtf8FileWithoutBomIsReadAsUtf8() {
        ValueMapCsv.Read read = read(PAYMENTS.getBytes(StandardCharsets.UTF_8));

        assertThat(read.encoding()).isEqualTo("UTF-8");
        assertThat(read.entries()).containsEntry("现金", "CASH");
    }

    @Test
    void excelsUnicodeTextIsUtf16WithTabs() {
        byte[] body = "源值\t目标值\r\n现金\tCASH\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] file = new byte[body.length + 2];
        file[0] = (byte) 0xFF;
        file[1] = (byte) 0xFE;
        System.arraycopy(body, 0, file, 2, body.length);

        ValueMapCsv.Read read = read(file);

        assertThat(read.encoding()).isEqualTo("UTF-16LE (BOM)");
        assertThat(read.entries()).containsExactly(Map.entry("现金", "CASH"));
    }

    @Test
    void aDamagedUtf8FileAfterItsBomIsRefusedNamingTheEncoding() {
        byte[] file = bom("现金,CASH\n");
        file[4] = (byte) 0xFF;

        assertThatThrownBy(() -> read(file)).isInstanceOf(Problem.class)
                .satisfies(e -> assertThat(((Problem) e).code()).isEqualTo("problem.valuemap.csvEncoding"));
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() {
        ValueMapCsv.Read read = read("\"A,B\",\"说 \"\"甲\"\"\"\n\"多\n行\",x\n后,y\n".getBytes(StandardCharsets.UTF_8));

        assertThat(read.entries()).containsExactly(Map.entry("A,B", "说 \"甲\""), Map.entry("多\n行", "x"),
                Map.entry("后", "y"));
    }

    @Test
    void duplicateKeysAreRefusedWithBothLineNumbers() {
        ValueMapFileRefused refused = refusal("源值,目标值\n现金,CASH\n转账,BANK\n现金,CARD\n");

        assertThat(refused.lines()).hasSize(1);
        assertThat(refused.lines().get(0).line()).isEqualTo(4);
        assertThat(refused.lines().get(0).message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("第 4 行的源值“现金”与第 2 行重复");
        assertThat(refused.message(Locale.SIMPLIFIED_CHINESE)).contains("没有导入").contains("第 4 行");
        assertThat(refused.message(Locale.ENGLISH)).contains("line 4").contains("repeats line 2");
    }

    @Test
    void lineNumbersCountTheLineBreaksInsideQuotedFields() {
        ValueMapFileRefused refused = refusal("\"a\nb\",1\n,2\n");

        assertThat(refused.lines().get(0).line()).isEqualTo(3);
        assertThat(refused.lines().get(0).code()).isEqualTo("problem.valuemap.csvEmptyKey");
    }

    @Test
    void everyWrongLineIsNamedAtOnce() {
        ValueMapFileRefused refused = refusal("现金,CASH\n,空\n只有一列\n甲,乙,丙\n现金,X\n");

        assertThat(refused.lines()).extracting(ValueMapFileRefused.Line::line).containsExactly(2, 3, 4, 5);
        assertThat(refused.lines()).extracting(ValueMapFileRefused.Line::code).containsExactly(
                "problem.valuemap.csvEmptyKey", "problem.valuemap.csvOneColumn", "problem.valuemap.csvColumns",
                "problem.valuemap.csvDuplicate");
    }

    @Test
    void emptyTrailingColumnsAndBlankLinesAreIgnored() {
        ValueMapCsv.Read read = read("现金,CASH,,\n\n,,\n转账,BANK\n".getBytes(StandardCharsets.UTF_8));

        assertThat(read.entries()).containsOnlyKeys("现金", "转账");
    }

    @Test
    void anUnclosedQuoteIsRefusedWhereItStarts() {
        ValueMapFileRefused refused = refusal("现金,CASH\n\"转账,BANK\n");

        assertThat(refused.lines().get(0).line()).isEqualTo(2);
        assertThat(refused.lines().get(0).code()).isEqualTo("problem.valuemap.csvUnclosedQuote");
    }

    @Test
    void aFileWithoutEntriesIsRefused() {
        assertThatThrownBy(() -> read("源值,目标值\r\n".getBytes(StandardCharsets.UTF_8)))
                .satisfies(e -> assertThat(((Problem) e).code()).isEqualTo("problem.valuemap.csvEmpty"));
    }

    @Test
    void aKeyAboveTheLimitIsRefusedWithItsLine() {
        ValueMapFileRefused refused = refusal("现金,CASH\n" + "k".repeat(301) + ",v\n");

        assertThat(refused.lines().get(0).message(Locale.ENGLISH)).isEqualTo(
                "line 2: the source value has 301 characters, at most 300");
    }

    @Test
    void anExportIsUtf8WithBomAndAHeaderRow() {
        byte[] file = ValueMapCsv.write(Map.of("现金", "CASH"));

        assertThat(file[0] & 0xFF).isEqualTo(0xEF);
        assertThat(new String(file, 3, file.length - 3, StandardCharsets.UTF_8)).isEqualTo("源值,目标值\r\n现金,CASH\r\n");
    }

    @Test
    void formulaLikeCellsAreExportedWithAnApostropheAndReadBackUnchanged() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("=HYPERLINK(\"http://x\")", "@SUM(A1)");
        entries.put("-1", "+86");
        entries.put("a,b", " 空格 ");

        byte[] file = ValueMapCsv.write(entries);
        String text = new String(file, StandardCharsets.UTF_8);

        assertThat(text).contains("\"'=HYPERLINK(\"\"http://x\"\")\",'@SUM(A1)").contains("'-1,'+86")
                .contains("\"a,b\",\" 空格 \"");
        assertThat(read(file).entries()).isEqualTo(entries);
    }
}
