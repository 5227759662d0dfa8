package io.yunqiao.suggestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yunqiao.connector.LocalizedText;
import io.yunqiao.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MappingSuggesterTest {

    private final MappingSuggester suggester = MappingSuggester.standard();

    @Test
    void aSupplierNameIsProposedForTheCustomerNameWhenTheSourceHasNoCustomer() {
        // given a bill with a supplier and a target that wants a customer
        List<SourceField> sources = List.of(source("supplier_name", "供应商名称", "Supplier name"),
                source("supplier_id", "供应商id", "Supplier ID"));
        List<TargetField> targets = List.of(target("customerName", "客户名称", "Customer name"));

        // when
        List<Suggestion> suggestions = suggester.suggest(sources, targets);

        // then the supplier's name is proposed, as a synonym, with both labels in the reason
        assertThat(suggestions).singleElement().satisfies(s -> {
            assertThat(s.source()).isEqualTo("supplier_name");
            assertThat(s.reason(Locale.SIMPLIFIED_CHINESE)).isEqualTo("名称相近：供应商名称 ↔ 客户名称");
            assertThat(s.reason(Locale.ENGLISH)).isEqualTo("Similar names: Supplier name ↔ Customer name");
            assertThat(s.confidence()).isBetween(MappingSuggester.THRESHOLD, 0.95);
        });
    }

    @Test
    void theSameWordBeatsASynonym() {
        List<SourceField> sources = List.of(source("supplier_number", "供应商编码", "Supplier number"),
                source("customer_number", "客户编码", "Customer number"));

        Optional<Suggestion> code = only(suggester.suggest(sources, List.of(target("code", "客户编号", "Code"))));

        assertThat(code).map(Suggestion::source).contains("customer_number");
    }

    @Test
    void aPlaceIsTakenByItsNameNotItsIdOrNumber() {
        List<SourceField> sources = List.of(source("addr_province_id", "省份id", "Province ID"),
                source("addr_province_number", "省份编码", "Province number"),
                source("addr_province_name", "省份名称", "Province name"));

        Optional<Suggestion> province = only(suggester.suggest(sources, List.of(target("state", "省", null))));

        assertThat(province).map(Suggestion::source).contains("addr_province_name");
    }

    @Test
    void aSourceFieldIsProposedOnceToTheTargetItFitsBest() {
        // given one phone field and two targets that could take it
        List<SourceField> sources = List.of(source("contact_phone", "联系电话", "Contact phone"));
        List<TargetField> targets = List.of(target("fax", "传真电话", "Fax"), target("phone", "联系电话", "Phone"));

        List<Suggestion> suggestions = suggester.suggest(sources, targets);

        assertThat(suggestions).extracting(Suggestion::target).containsExactly("phone");
    }

    @Test
    void aSourceFieldWithTheSameNameMayServeTwoTargets() {
        List<SourceField> sources = List.of(source("remark", "备注", "Remark"));
        List<TargetField> targets = List.of(target("remark", "备注", "Remark"), target("memo", "备注", "Memo"));

        List<Suggestion> suggestions = suggester.suggest(sources, targets);

        assertThat(suggestions).extracting(Suggestion::source).containsExactly("remark", "remark");
    }

    @Test
    void aTargetNothingFitsGetsNoSuggestion() {
        List<SourceField> sources = List.of(source("supplier_name", "供应商名称", "Supplier name"),
                source("bill_type", "业务类型", "Business type"), source("creator_name", "创建人名称", "Creator"));

        List<Suggestion> suggestions = suggester.suggest(sources,
                List.of(target("vipLevelName", "会员等级名称", "VIP level name"), target("zip", "邮编", "Postal code")));

        assertThat(suggestions).isEmpty();
    }

    @Test
    void phoneShapedSamplesAloneProposeAFieldForAPhoneTarget() {
        // given a custom field whose name says nothing, holding mobile numbers
        List<SourceField> sources = List.of(
                new SourceField("ext_3", new LocalizedText("扩展字段3", "Extension 3"), "string", false,
                        List.of("13800138000", "13912345678", "15000000001")),
                new SourceField("ext_4", new LocalizedText("扩展字段4", "Extension 4"), "string", false,
                        List.of("华东", "华南", "华北")));

        Optional<Suggestion> mobile = only(suggester.suggest(sources, List.of(target("mobile", "手机", "Mobile"))));

        assertThat(mobile).hasValueSatisfying(s -> {
            assertThat(s.source()).isEqualTo("ext_3");
            assertThat(s.reason(Locale.SIMPLIFIED_CHINESE)).isEqualTo("样例值像手机号或电话号码");
        });
    }

    @Test
    void samplesThatContradictTheNameLowerTheConfidenceBelowTheThreshold() {
        // given a field called phone that holds names
        SourceField misnamed = new SourceField("phone2", new LocalizedText("电话2", "Phone 2"), "string", false,
                List.of("张三", "李四", "王五"));

        List<Suggestion> suggestions = suggester.suggest(List.of(misnamed),
                List.of(target("mobile", "手机", "Mobile")));

        assertThat(suggestions).isEmpty();
    }

    @Test
    void samplesThatConfirmTheNameRaiseTheConfidenceAndSaySo() {
        SourceField plain = source("contact_tel", "联系方式", "Contact");
        SourceField sampled = new SourceField("contact_tel", plain.label(), "string", false,
                List.of("13800138000", "021-61234567"));
        TargetField mobile = target("mobile", "手机", "Mobile");

        Suggestion without = only(suggester.suggest(List.of(plain), List.of(mobile))).orElseThrow();
        Suggestion with = only(suggester.suggest(List.of(sampled), List.of(mobile))).orElseThrow();

        assertThat(with.confidence()).isGreaterThan(without.confidence());
        assertThat(with.reason(Locale.ENGLISH)).endsWith("; The sample values look like phone numbers");
    }

    @Test
    void samplesOutsideTheTargetsAllowedValuesDropEvenAFieldWithTheSameLabel() {
        // given a bill status (texts) and a target status that takes codes only
        SourceField status = new SourceField("status", new LocalizedText("状态", "Status"), "string", false,
                List.of("已审核", "未审核"));
        TargetField coded = new TargetField("statusCode", new LocalizedText("状态", "Status"), "string", false,
                List.of("0", "1"));

        assertThat(suggester.suggest(List.of(status), List.of(coded))).isEmpty();
    }

    @Test
    void samplesThatAreAllAllowedValuesConfirmAField() {
        SourceField sex = new SourceField("sex", new LocalizedText("性别", "Sex"), "string", false,
                List.of("0", "1", "1"));
        TargetField gender = new TargetField("gender", new LocalizedText("性别", "Gender"), "string", false,
                List.of("0", "1"));

        Suggestion suggestion = only(suggester.suggest(List.of(sex), List.of(gender))).orElseThrow();

        assertThat(suggestion.reason(Locale.SIMPLIFIED_CHINESE)).isEqualTo("名称相同：性别；样例值都在目标字段允许的取值中");
    }

    @Test
    void aLineFieldIsProposedLessSurelyThanAHeaderFieldOfTheSameName() {
        List<SourceField> sources = List.of(
                new SourceField("lines.remark", new LocalizedText("行备注", "Line remark"), "string", true,
                        List.of()),
                source("note", "说明", "Note"));

        Optional<Suggestion> remark = only(suggester.suggest(sources, List.of(target("remark", "备注", "Remark"))));

        assertThat(remark).map(Suggestion::source).contains("note");
    }

    @Test
    void arraysAndObjectsAreNeverProposed() {
        List<SourceField> sources = List.of(new SourceField("items", new LocalizedText("明细", "Items"), "array",
                false, List.of()));

        assertThat(suggester.suggest(sources, List.of(target("items", "明细", "Items")))).isEmpty();
    }

    @Test
    void moreFieldsThanTheLimitAreRefusedWithACode() {
        List<SourceField> many = new ArrayList<>();
        for (int i = 0; i <= MappingSuggester.MAX_FIELDS; i++) {
            many.add(source("f" + i, "字段" + i, null));
        }

        assertThatThrownBy(() -> suggester.suggest(many, List.of(target("a", "客户", null))))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.code()).isEqualTo("problem.suggest.tooManyFields");
                    assertThat(p.kind()).isEqualTo(Problem.Kind.TOO_LARGE);
                    assertThat(p.message(Locale.SIMPLIFIED_CHINESE)).contains("1,001").contains("1,000");
                });
    }

    @Test
    void hugeLabelsNamesAndSamplesAreReadOnlyAsFarAsTheirLimits() {
        // given hostile input: megabyte labels and samples, names of nonsense glued letters, thousands of fields
        String huge = "客户名称" + "啊".repeat(1_000_000);
        List<SourceField> sources = new ArrayList<>();
        for (int i = 0; i < MappingSuggester.MAX_FIELDS - 1; i++) {
            sources.add(new SourceField("noaddresscode".repeat(20) + i, new LocalizedText(huge, huge), "string",
                    false, List.of(huge, huge)));
        }
        sources.add(source("customer_name", "客户名称", "Customer name"));
        List<TargetField> targets = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            targets.add(new TargetField("t" + i, new LocalizedText(huge, huge), "string", false, List.of()));
        }
        targets.add(target("name", "客户名称", "Customer name"));

        // when / then: it answers, and the sensible pair is still found
        List<Suggestion> suggestions = suggester.suggest(sources, targets);
        assertThat(suggestions).anySatisfy(s -> {
            assertThat(s.target()).isEqualTo("name");
            assertThat(s.source()).isEqualTo("customer_name");
        });
        assertThat(sources.get(0).samples().get(0)).hasSize(SourceField.SAMPLE_LENGTH);
    }

    @Test
    void englishNamesWithoutLabelsAreComparedByTheirWords() {
        List<SourceField> sources = List.of(source("shippingAddressLine", null, null),
                source("buyerEmail", null, null), source("createdAt", null, null));
        List<TargetField> targets = List.of(target("address", null, null), target("email", null, null),
                target("create_time", null, null));

        List<Suggestion> suggestions = suggester.suggest(sources, targets);

        assertThat(suggestions).extracting(s -> s.target() + "<-" + s.source()).containsExactly(
                "address<-shippingAddressLine", "email<-buyerEmail", "create_time<-createdAt");
    }

    /**
     * An invented but realistic pair the templates do not cover: an online shop's order list (Chinese labels,
     * snake_case names, samples) to an ERP's sales order. Together with {@link #aCrmContactToAMembershipSystem} it
     * is the tuning set besides the templates.
     */
    @Test
    void aShopOrderToAnErpSalesOrderIsMostlyProposedRight() {
        List<SourceField> sources = List.of(
                sampled("tid", "订单号", "Order number", "E20240101001", "E20240101002"),
                sampled("buyer_nick", "买家昵称", "Buyer nickname", "小王的店", "tb_8848"),
                sampled("receiver_name", "收货人姓名", "Receiver name", "王小明", "李雷"),
                sampled("receiver_mobile", "收货人手机", "Receiver mobile", "13800138000", "13700001111"),
                sampled("receiver_state", "收货人省份", "Receiver state", "浙江省", "广东省"),
                sampled("receiver_city", "收货人城市", "Receiver city", "杭州市", "深圳市"),
                sampled("receiver_district", "收货人区县", "Receiver district", "西湖区", "南山区"),
                sampled("receiver_address", "收货人详细地址", "Receiver address", "文三路 90 号", "科技园 1 栋"),
                sampled("receiver_zip", "收货人邮编", "Receiver zip", "310000", "518000"),
                sampled("buyer_message", "买家留言", "Buyer message", "请尽快发货", "周末送"),
                sampled("created", "下单时间", "Created", "2024-01-01 10:00:00", "2024-01-02 11:30:00"),
                sampled("payment", "实付金额", "Paid amount", "199.00", "58.50"),
                sampled("seller_flag", "卖家旗帜", "Seller flag", "1", "0"));
        List<TargetField> targets = List.of(target("billNo", "单据编号", "Bill number"),
                target("customerName", "客户名称", "Customer name"), target("contactPerson", "联系人", "Contact"),
                target("mobile", "手机", "Mobile"), target("province", "省", "Province"),
                target("city", "市", "City"), target("county", "区县", "County"),
                target("address", "地址", "Address"), target("postcode", "邮政编码", "Postcode"),
                target("remark", "备注", "Remark"), target("billDate", "单据日期", "Bill date"),
                target("amount", "金额", "Amount"), target("warehouse", "仓库", "Warehouse"),
                target("taxNo", "税号", "Tax number"));
        Map<String, String> expected = Map.ofEntries(Map.entry("billNo", "tid"),
                Map.entry("customerName", "buyer_nick"), Map.entry("contactPerson", "receiver_name"),
                Map.entry("mobile", "receiver_mobile"), Map.entry("province", "receiver_state"),
                Map.entry("city", "receiver_city"), Map.entry("county", "receiver_district"),
                Map.entry("address", "receiver_address"), Map.entry("postcode", "receiver_zip"),
                Map.entry("remark", "buyer_message"), Map.entry("billDate", "created"),
                Map.entry("amount", "payment"));

        assertPrecisionAndRecall(suggester.suggest(sources, targets), expected);
    }

    /** The second invented pair: a CRM's contacts (English camelCase names, English labels) to a membership system. */
    @Test
    void aCrmContactToAMembershipSystem() {
        List<SourceField> sources = List.of(
                sampled("contactId", null, "Contact ID", "c-001", "c-002"),
                sampled("fullName", null, "Full name", "Wang Wei", "Li Na"),
                sampled("mobilePhone", null, "Mobile phone", "13800138000", "13911112222"),
                sampled("emailAddress", null, "E-mail address", "wang@example.com", "li@example.com"),
                sampled("birthDate", null, "Date of birth", "1990-05-01", "1988-12-24"),
                sampled("sex", null, "Sex", "0", "1"),
                sampled("companyName", null, "Company", "云桥科技", "杭州示例公司"),
                sampled("postalCode", null, "Postal code", "310000", "100000"),
                sampled("notes", null, "Notes", "VIP", "老客户"),
                sampled("createdOn", null, "Created on", "2024-03-01T08:00:00Z", "2024-03-02T09:00:00Z"));
        List<TargetField> targets = List.of(target("memberName", "会员姓名", "Member name"),
                target("phone", "手机号", "Phone"), target("email", "邮箱", "E-mail"),
                target("birthday", "生日", "Birthday"),
                new TargetField("gender", new LocalizedText("性别", "Gender"), "string", false, List.of("0", "1")),
                target("zip", "邮编", "Zip"), target("remark", "备注", "Remark"),
                target("level", "会员等级", "Level"), target("registerTime", "注册时间", "Registered at"));
        Map<String, String> expected = Map.ofEntries(Map.entry("memberName", "fullName"),
                Map.entry("phone", "mobilePhone"), Map.entry("email", "emailAddress"),
                Map.entry("birthday", "birthDate"), Map.entry("gender", "sex"), Map.entry("zip", "postalCode"),
                Map.entry("remark", "notes"), Map.entry("registerTime", "createdOn"));

        assertPrecisionAndRecall(suggester.suggest(sources, targets), expected);
    }

    @Test
    void aFieldEmptyInMostSampleRecordsGivesWayToAFilledOne() {
        // given a bill whose customer is filled only on a few records (drop shipments) and whose supplier always is
        SourceField customer = sampled("customer_name", "客户名称", "Customer name", "", "", "", "", "华东商贸", "");
        SourceField supplier = sampled("supplier_name", "供应商名称", "Supplier name", "宏达五金", "宏达五金",
                "顺丰包装", "宏达五金", "顺丰包装", "联华电子");
        List<TargetField> targets = List.of(target("customerName", "客户名称", "Customer name"));

        // when
        Optional<Suggestion> name = only(suggester.suggest(List.of(customer, supplier), targets));

        // then the filled supplier is proposed, not the mostly empty field with the same label
        assertThat(name).map(Suggestion::source).contains("supplier_name");
    }

    @Test
    void aFewBlankSamplesSayNothingAboutHowOftenAFieldIsFilled() {
        SourceField customer = sampled("customer_name", "客户名称", "Customer name", "", "华东商贸");
        SourceField supplier = sampled("supplier_name", "供应商名称", "Supplier name", "宏达五金", "联华电子");

        Optional<Suggestion> name = only(suggester.suggest(List.of(customer, supplier),
                List.of(target("customerName", "客户名称", "Customer name"))));

        assertThat(name).map(Suggestion::source).contains("customer_name");
    }

    /**
     * The third invented pair: a purchase order (Chinese labels, samples from real-looking records, some header
     * fields usually blank) to a warehouse system's inbound notice.
     */
    @Test
    void aPurchaseOrderToAWarehouseInboundNotice() {
        List<SourceField> sources = List.of(
                sampled("po_no", "采购订单号", "PO number", "PO2405001", "PO2405002", "PO2405003", "PO2405004"),
                sampled("vendor_code", "供应商编码", "Vendor code", "V001", "V002", "V001", "V007"),
                sampled("vendor_name", "供应商名称", "Vendor name", "宏达五金", "联华电子", "宏达五金", "顺丰包装"),
                sampled("vendor_contact", "供应商联系人", "Vendor contact", "张三", "李四", "张三", "王五"),
                sampled("vendor_tel", "供应商电话", "Vendor phone", "13800138000", "13911112222", "13800138000",
                        "13700001111"),
                sampled("ship_to_tel", "收货电话", "Ship-to phone", "", "", "", ""),
                sampled("warehouse_no", "仓库编号", "Warehouse number", "WH01", "WH02", "WH01", "WH01"),
                sampled("delivery_date", "交货日期", "Delivery date", "2024-05-10", "2024-05-12", "2024-05-12",
                        "2024-05-20"),
                sampled("buyer", "采购员", "Buyer", "赵六", "赵六", "钱七", "赵六"),
                sampled("memo", "说明", "Memo", "加急", "", "分两批到货", ""),
                sampled("total_qty", "总数量", "Total quantity", "120", "35", "8", "1000"),
                sampled("currency", "币别", "Currency", "CNY", "CNY", "CNY", "USD"));
        List<TargetField> targets = List.of(target("asnNo", "入库通知单号", "ASN number"),
                target("supplierCode", "供应商代码", "Supplier code"),
                target("supplierName", "供应商名称", "Supplier name"),
                target("contactName", "联系人", "Contact"), target("contactPhone", "联系电话", "Contact phone"),
                target("warehouseCode", "仓库代码", "Warehouse code"),
                target("expectedArrival", "预计到货日期", "Expected arrival date"),
                target("remark", "备注", "Remark"), target("quantity", "数量", "Quantity"),
                target("carrier", "承运商", "Carrier"));
        Map<String, String> expected = Map.ofEntries(Map.entry("supplierCode", "vendor_code"),
                Map.entry("supplierName", "vendor_name"), Map.entry("contactName", "vendor_contact"),
                Map.entry("contactPhone", "vendor_tel"), Map.entry("warehouseCode", "warehouse_no"),
                Map.entry("expectedArrival", "delivery_date"), Map.entry("remark", "memo"),
                Map.entry("quantity", "total_qty"), Map.entry("asnNo", "po_no"));

        assertPrecisionAndRecall(suggester.suggest(sources, targets), expected);
    }

    private static void assertPrecisionAndRecall(List<Suggestion> suggestions, Map<String, String> expected) {
        long judged = suggestions.stream().filter(s -> expected.containsKey(s.target())).count();
        long right = suggestions.stream().filter(s -> s.source().equals(expected.get(s.target()))).count();
        String shown = suggestions.stream().map(s -> s.target() + "<-" + s.source() + " " + s.confidence()).toList()
                .toString();
        assertThat(suggestions.size() - judged).as("suggestions for targets nothing fits: " + shown).isZero();
        assertThat((double) right / judged).as("precision of " + shown).isGreaterThanOrEqualTo(0.8);
        assertThat((double) right / expected.size()).as("recall of " + shown).isGreaterThanOrEqualTo(0.7);
    }

    private static Optional<Suggestion> only(List<Suggestion> suggestions) {
        assertThat(suggestions).hasSizeLessThanOrEqualTo(1);
        return suggestions.stream().findFirst();
    }

    private static SourceField source(String path, String zh, String en) {
        return new SourceField(path, zh == null ? null : new LocalizedText(zh, en), "string", false, List.of());
    }

    private static SourceField sampled(String path, String zh, String en, String... samples) {
        LocalizedText label = zh == null && en == null ? null : new LocalizedText(zh == null ? en : zh, en);
        return new SourceField(path, label, "string", false, List.of(samples));
    }

    private static TargetField target(String name, String zh, String en) {
        return new TargetField(name, zh == null ? null : new LocalizedText(zh, en), "string", false, List.of());
    }
}
