package io.yunqiao.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The sample bill, the bill → customer mapping and the lookup data the mapping tests share. */
final class MappingFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The value-map table the sample mapping reads: business type code → customer type. */
    static final String SUPPLIER_TYPES = "供应商类别";

    private MappingFixtures() {
    }

    /** Every engine, as JUnit arguments. */
    static Stream<String> engines() {
        return MappingEngines.ids().stream();
    }

    static JsonNode bill() {
        return json(resource("bill.json"));
    }

    static String billToCustomer() {
        return resource("bill-to-customer.jsonata");
    }

    static MappingContext context() {
        return new MappingContext(ValueMaps.of(Map.of(SUPPLIER_TYPES, Map.of("1", "普通供应商", "2", "VIP"))),
                StagedRecords.none());
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = MappingFixtures.class.getResourceAsStream("/mapping/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource mapping/" + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records staged by other solutions, kept in memory: solution name → records. */
    record StagedInMemory(Map<String, List<JsonNode>> records) implements StagedRecords {

        @Override
        public Optional<JsonNode> find(String solution, String field, String value) {
            List<JsonNode> staged = records.get(solution);
            if (staged == null) {
                throw new IllegalArgumentException("solution '" + solution + "' does not exist");
            }
            return staged.stream().filter(record -> value.equals(record.at("/" + field.replace('.', '/')).asText(null)))
                    .findFirst();
        }
    }
}
