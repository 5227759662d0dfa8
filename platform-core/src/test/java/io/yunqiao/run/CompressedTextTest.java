package io.yunqiao.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Staged content compressed with a dictionary trained on the solution's own records, and read back. */
class CompressedTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A bill like the purchase-inbound bills vendors answer: the same 60 fields, varying values. */
    private static byte[] bill(Random random, int index) {
        ObjectNode bill = JSON.createObjectNode().put("id", String.valueOf(1_000_000 + index))
                .put("billno", "CGRK-2026-" + index).put("billdate", "2026-11-" + (1 + random.nextInt(28)))
                .put("supplierid_number", "S-" + random.nextInt(300))
                .put("supplierid_name", "供应商" + random.nextInt(300))
                .put("remark", "备注 " + Long.toHexString(random.nextLong()));
        for (int field = 0; field < 40; field++) {
            bill.put("header_field_" + field, field % 3 == 0 ? String.valueOf(random.nextInt(1000)) : "值" + field);
        }
        ArrayNode lines = bill.putArray("material_entity");
        for (int line = 0; line < 1 + random.nextInt(8); line++) {
            lines.addObject().put("materialid_number", "M-" + random.nextInt(5000)).put("qty", random.nextInt(100))
                    .put("price", random.nextInt(100_000) / 100.0).put("unitid_name", "个")
                    .put("stockid_name", "主仓库").put("batchno", "B" + random.nextInt(99_999));
        }
        try {
            return JSON.writeValueAsBytes(bill);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<byte[]> bills(long seed, int count) {
        Random random = new Random(seed);
        List<byte[]> bills = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            bills.add(bill(random, i));
        }
        return bills;
    }

    private static CompressedText.Dictionary trainedOn(List<byte[]> samples) {
        byte[] trained = CompressedText.train(samples, ContentDictionaries.DICTIONARY_BYTES);
        assertThat(trained).isNotNull();
        return CompressedText.Dictionary.of(7, trained);
    }

    @Test
    void aRecordCompressedWithTheDictionaryReadsBackByteForByte() {
        CompressedText.Dictionary dictionary = trainedOn(bills(1, ContentDictionaries.SAMPLES_WANTED));
        byte[] later = bills(2, 1).get(0);

        byte[] stored = CompressedText.compress(later, dictionary);

        assertThat(CompressedText.decompress(stored, dictionary)).isEqualTo(later);
    }

    @Test
    void theDictionaryMakesLaterRecordsOfTheSameKindSmallerThanPlainZstd() {
        CompressedText.Dictionary dictionary = trainedOn(bills(1, ContentDictionaries.SAMPLES_WANTED));
        List<byte[]> later = bills(3, 50);

        long plain = later.stream().mapToLong(b -> CompressedText.compress(b, null).length).sum();
        long withDictionary = later.stream().mapToLong(b -> CompressedText.compress(b, dictionary).length).sum();

        assertThat(withDictionary).isLessThan(plain / 2);
    }

    @Test
    void withoutADictionaryTheRecordIsPlainZstdAndReadsBack() {
        byte[] bill = bills(4, 1).get(0);

        byte[] stored = CompressedText.compress(bill, null);

        assertThat(stored.length).isLessThan(bill.length);
        assertThat(CompressedText.decompress(stored, null)).isEqualTo(bill);
    }

    @Test
    void tooLittleToLearnFromTrainsNoDictionary() {
        assertThat(CompressedText.train(List.of("{\"a\":1}".getBytes(), "{\"a\":2}".getBytes()),
                ContentDictionaries.DICTIONARY_BYTES)).isNull();
    }

    @Test
    void contentCompressedWithADictionaryIsUnreadableWithoutIt() {
        CompressedText.Dictionary dictionary = trainedOn(bills(1, ContentDictionaries.SAMPLES_WANTED));
        byte[] stored = CompressedText.compress(bills(5, 1).get(0), dictionary);

        assertThatThrownBy(() -> CompressedText.decompress(stored, null))
                .isInstanceOf(CompressedText.Unreadable.class);
    }

    @Test
    void damagedContentIsUnreadableWithACodedReason() {
        CompressedText.Dictionary dictionary = trainedOn(bills(1, ContentDictionaries.SAMPLES_WANTED));
        byte[] stored = CompressedText.compress(bills(6, 1).get(0), dictionary);
        byte[] damaged = Arrays.copyOf(stored, stored.length);
        for (int i = 12; i < damaged.length; i += 3) {
            damaged[i] ^= 0x5A;
        }

        assertThatThrownBy(() -> CompressedText.decompress(damaged, dictionary))
                .isInstanceOfSatisfying(CompressedText.Unreadable.class, e -> {
                    assertThat(e.code()).isEqualTo("problem.engine.contentUnreadable");
                    assertThat(e.message(java.util.Locale.SIMPLIFIED_CHINESE)).contains("无法压缩或读回");
                });
    }

    @Test
    void aDamagedDictionaryIsRefusedNamingIt() {
        assertThatThrownBy(() -> CompressedText.Dictionary.of(42, "not a dictionary".getBytes()))
                .isInstanceOfSatisfying(CompressedText.Unreadable.class, e -> {
                    assertThat(e.code()).isEqualTo("problem.engine.dictionaryUnreadable");
                    assertThat(e.getMessage()).contains("dictionary 42");
                });
    }
}
