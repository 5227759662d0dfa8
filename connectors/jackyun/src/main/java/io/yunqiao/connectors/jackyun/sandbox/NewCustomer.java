package io.yunqiao.connectors.jackyun.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The bizcontent of a {@code crm.customer.add} call, checked as the sandbox's vendor would: {@code customerCode} and
 * {@code nickname} required; {@code gender} and {@code calendarType} 0 or 1; {@code age} a whole number 0–150;
 * {@code birthday} {@code yyyy-MM-dd}; {@code email} shaped like an address; values are read as
 * {@link FieldDictionary} reads them.
 *
 * @param customerCode the unique customer code
 * @param fields       the given dictionary fields as text, in dictionary order (customerCode and nickname included)
 */
record NewCustomer(String customerCode, Map<String, String> fields) {

    /** The 30 fields of the vendor's field dictionary, with their labels, in dictionary order. */
    static final Map<String, String> DICTIONARY = dictionary();

    private static final FieldDictionary FIELDS = new FieldDictionary(DICTIONARY);

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    NewCustomer {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /**
     * Reads and checks a bizcontent object.
     *
     * @throws GatewayRefusal of sub-code {@value GatewayRefusal#INVALID_PARAMETER}, naming the field, when a check
     *                        fails
     */
    static NewCustomer from(JsonNode bizcontent) {
        return read(bizcontent, true);
    }

    /**
     * Reads and checks the bizcontent of a {@code crm.customer.update} call: as {@link #from}, but only
     * {@code customerCode} is required; the fields given are the ones to change.
     *
     * @throws GatewayRefusal of sub-code {@value GatewayRefusal#INVALID_PARAMETER}, naming the field, when a check
     *                        fails
     */
    static NewCustomer changes(JsonNode bizcontent) {
        return read(bizcontent, false);
    }

    private static NewCustomer read(JsonNode bizcontent, boolean whole) {
        Map<String, String> fields = FIELDS.read(bizcontent);
        FIELDS.require(fields, "customerCode");
        if (whole) {
            FIELDS.require(fields, "nickname");
        }
        oneOf(fields, "gender", "0（男）或 1（女）");
        oneOf(fields, "calendarType", "0（公历）或 1（农历）");
        String age = fields.get("age");
        if (age != null && !isAge(age)) {
            throw GatewayRefusal.invalid("字段 " + FIELDS.describe("age") + " 应为 0 到 150 的整数，收到 \"" + age + "\"");
        }
        String birthday = fields.get("birthday");
        if (birthday != null && !isDate(birthday)) {
            throw GatewayRefusal.invalid("字段 " + FIELDS.describe("birthday") + " 格式应为 yyyy-MM-dd，收到 \"" + birthday
                    + "\"");
        }
        String email = fields.get("email");
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw GatewayRefusal.invalid("字段 " + FIELDS.describe("email") + " 不是有效的邮箱地址: \"" + email + "\"");
        }
        return new NewCustomer(fields.get("customerCode"), fields);
    }

    /** This customer with {@code changes} applied: given fields replace, the others stay, in dictionary order. */
    NewCustomer with(NewCustomer changes) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (String name : DICTIONARY.keySet()) {
            String value = changes.fields().containsKey(name) ? changes.fields().get(name) : fields.get(name);
            if (value != null) {
                merged.put(name, value);
            }
        }
        return new NewCustomer(customerCode, merged);
    }

    private static void oneOf(Map<String, String> fields, String name, String allowed) {
        String value = fields.get(name);
        if (value != null && !value.equals("0") && !value.equals("1")) {
            throw GatewayRefusal.invalid("字段 " + FIELDS.describe(name) + " 取值应为 " + allowed + "，收到 \"" + value + "\"");
        }
    }

    private static boolean isAge(String text) {
        try {
            int age = Integer.parseInt(text);
            return age >= 0 && age <= 150;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text, DATE);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Map<String, String> dictionary() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("customerCode", "客户编号");
        labels.put("nickname", "客户名称");
        labels.put("alias", "别名");
        labels.put("vipLevel", "会员等级id");
        labels.put("vipLevelName", "会员等级名称");
        labels.put("contacts", "联系人");
        labels.put("country", "国家");
        labels.put("state", "省份");
        labels.put("city", "城市");
        labels.put("district", "区县");
        labels.put("town", "乡镇/街道");
        labels.put("address", "基本信息地址-地址");
        labels.put("detailedAddress", "基本信息地址-详细地址");
        labels.put("zip", "邮编");
        labels.put("gender", "性别");
        labels.put("age", "年龄");
        labels.put("birthday", "生日");
        labels.put("calendarType", "生日日期类型");
        labels.put("phone", "联系电话");
        labels.put("email", "email");
        labels.put("qq", "QQ");
        labels.put("weiXin", "微信");
        labels.put("taxNumber", "开票税号");
        labels.put("customerManager", "客户经理id");
        labels.put("customerManagerName", "客户经理名称");
        labels.put("refereeId", "推荐人id");
        labels.put("referee", "推荐人名称");
        labels.put("specialReminding", "特别提醒");
        labels.put("customerType", "客户类别id");
        labels.put("customerTypeName", "客户类别名称");
        return Collections.unmodifiableMap(labels);
    }
}
