package io.yunqiao.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The content hash streamed into the digest is the hash earlier versions stored (SHA-256 of the canonical JSON text
 * in UTF-8): a record staged before the upgrade and fetched again unchanged is a duplicate, not written again.
 */
class ContentHashTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How versions before 0.1 (issue #12) hashed: the canonical text built as a String, then encoded. */
    private static String hashedAsBefore(JsonNode record) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(ContentHash.canonical(record).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void aRecordHashesAsTheStagedHashOfEarlierVersions() throws Exception {
        // given a bill as the Kingdee sandbox answers it, hashed and stored by the version before this change
        JsonNode bill = json("{\"id\":\"1001\",\"billno\":\"CGRK-0001\",\"amount\":1234.5,\"qty\":3,"
                + "\"supplier\":{\"number\":\"S-01\",\"name\":\"杭州云桥贸易有限公司\"},\"lines\":[{\"sku\":\"A\","
                + "\"price\":0.1},{\"sku\":\"B\",\"price\":1e-7}],\"audited\":true,\"remark\":null}");
        String storedByEarlierVersion = "37a955991653b79a57d7d570c128be1de93d9cfe647edcb6f78bf84a861229be";

        // when it is hashed now, then the hash is the stored one
        assertThat(ContentHash.of(bill)).isEqualTo(hashedAsBefore(bill)).isEqualTo(storedByEarlierVersion);
    }

    @Test
    void textThatNeedsEscapesOrIsOutsideTheBasicPlaneHashesAsBefore() throws Exception {
        JsonNode record = json("{\"k\":\"引号\\\" 反斜杠\\\\ 换行\\n 制表\\t 控制\\u0001 表情😀 斜杠/ 欧元€\","
                + "\"big\":123456789012345678901234567890,\"dec\":3.14159265358979323846,\"neg\":-0.0,"
                + "\"arr\":[[],{},\"\",[1,[2,[3]]]]}");

        assertThat(ContentHash.of(record)).isEqualTo(hashedAsBefore(record))
                .isEqualTo("fb485cdb80154ddd1368d70fa653b57a677d988fcb85781386343c4db944ab7c");
    }

    @Test
    void aLoneSurrogateHashesAsBefore() throws Exception {
        // a vendor may send a broken escape; Jackson keeps it as a lone surrogate
        JsonNode record = json("{\"name\":\"半个\\ud83d字符\",\"end\":\"\\udc00\"}");

        assertThat(ContentHash.of(record)).isEqualTo(hashedAsBefore(record));
    }

    @Test
    void theOrderOfKeysDoesNotChangeTheHash() throws Exception {
        assertThat(ContentHash.of(json("{\"b\":{\"y\":1,\"x\":2},\"a\":[1,2]}")))
                .isEqualTo(ContentHash.of(json("{\"a\":[1,2],\"b\":{\"x\":2,\"y\":1}}")));
    }

    @Test
    void anyChangedValueChangesTheHash() throws Exception {
        assertThat(ContentHash.of(json("{\"a\":\"1\"}"))).isNotEqualTo(ContentHash.of(json("{\"a\":1}")));
    }
}
