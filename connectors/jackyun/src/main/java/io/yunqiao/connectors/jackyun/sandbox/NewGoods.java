package io.yunqiao.connectors.jackyun.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bizcontent of an {@code erp.goods.add} call, checked as the sandbox's vendor would: {@code goodsNo} and
 * {@code goodsName} required, the prices decimal numbers of 0 or more; values are read as {@link FieldDictionary}
 * reads them.
 *
 * @param goodsNo the unique goods number (货品编号)
 * @param fields  the given dictionary fields as text, in dictionary order (goodsNo and goodsName included)
 */
record NewGoods(String goodsNo, Map<String, String> fields) {

    /** The fields the sandbox keeps, with their labels, in dictionary order. */
    static final Map<String, String> DICTIONARY = dictionary();

    private static final FieldDictionary FIELDS = new FieldDictionary(DICTIONARY);

    NewGoods {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /**
     * Reads and checks a bizcontent object.
     *
     * @throws GatewayRefusal of sub-code {@value GatewayRefusal#INVALID_PARAMETER}, naming the field, when a check
     *                        fails
     */
    static NewGoods from(JsonNode bizcontent) {
        Map<String, String> fields = FIELDS.read(bizcontent);
        FIELDS.require(fields, "goodsNo");
        FIELDS.require(fields, "goodsName");
        for (String price : new String[] {"retailPrice", "purchasePrice"}) {
            String text = fields.get(price);
            if (text != null && !isPrice(text)) {
                throw GatewayRefusal.invalid("字段 " + FIELDS.describe(price) + " 应为不小于 0 的数字，收到 \"" + text + "\"");
            }
        }
        return new NewGoods(fields.get("goodsNo"), fields);
    }

    private static boolean isPrice(String text) {
        try {
            return new BigDecimal(text).signum() >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Map<String, String> dictionary() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("goodsNo", "货品编号");
        labels.put("goodsName", "货品名称");
        labels.put("skuBarcode", "条码");
        labels.put("specName", "规格");
        labels.put("unitName", "单位");
        labels.put("brandName", "品牌");
        labels.put("categoryName", "分类");
        labels.put("retailPrice", "零售价");
        labels.put("purchasePrice", "采购价");
        labels.put("remark", "备注");
        return Collections.unmodifiableMap(labels);
    }
}
