package io.yunqiao.connectors.kingdee.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.yunqiao.connectors.kingdee.sandbox.Catalog.Category;
import io.yunqiao.connectors.kingdee.sandbox.Catalog.Material;
import io.yunqiao.connectors.kingdee.sandbox.Catalog.Ref;
import io.yunqiao.connectors.kingdee.sandbox.Catalog.Supplier;
import io.yunqiao.connectors.kingdee.sandbox.Catalog.Warehouse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Writes one purchase inbound bill as the vendor answers it, generated on demand from the compact data set and the
 * bill's own random source: the 140 fields of the V1 list/detail (in the field dictionary's order), or the smaller
 * V2 row. The same bill always gives the same bytes (unless touched, which changes {@code modifytime} only).
 *
 * <p>Answers are large (a page of 100 bills is about 1 MB) and generated at every call, so field names and the
 * master data's texts are JSON-encoded once ({@link SerializedString}) rather than at every write.
 */
final class BillJson {

    private static final String[] TRANS_TYPES = {"普通采购", "直运采购"};
    private static final String[] REMARKS = {"月度常规补货", "双十一备货", "新品首批到货", "供应商直发", "质检后入库", "含赠品",
        "按年度框架合同执行"};
    private static final String[] COMMENTS = {"加急到货", "赠品随货", "外包装轻微破损", "质检合格", "分批到货", "按合同价结算"};
    private static final long LINE_ID_BASE = 1_730_000_000_000_000_000L;
    private static final long SOURCE_ID_BASE = 1_710_000_000_000_000_000L;
    private static final long SERIAL_ID_BASE = 1_740_000_000_000_000_000L;
    private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private static final SerializedString EMPTY = new SerializedString("");
    private static final SerializedString TRUE = new SerializedString("true");
    private static final SerializedString FALSE = new SerializedString("false");
    private static final SerializedString ZERO = new SerializedString("0");
    private static final SerializedString ONE = new SerializedString("1");
    private static final SerializedString TWO = new SerializedString("2");

    // V1 header, in the field dictionary's order
    private static final SerializedString ID = name("id");
    private static final SerializedString BILLNO = name("billno");
    private static final SerializedString BILLDATE = name("billdate");
    private static final SerializedString BILLSTATUS = name("billstatus");
    private static final SerializedString CREATETIME = name("createtime");
    private static final SerializedString MODIFYTIME = name("modifytime");
    private static final SerializedString AUDITTIME = name("audittime");
    private static final RefNames CREATOR = new RefNames("creatorid");
    private static final RefNames MODIFIER = new RefNames("modifierid");
    private static final RefNames AUDITOR = new RefNames("auditorid");
    private static final SerializedString TRANSTYPE = name("transtype");
    private static final SerializedString REMARK = name("remark");
    private static final RefNames DEPT = new RefNames("deptid");
    private static final RefNames EMP = new RefNames("empid");
    private static final RefNames CUSTOMER = new RefNames("customerid");
    private static final RefNames SUPPLIER = new RefNames("supplierid");
    private static final SerializedString CONTACT_PHONE = name("contact_phone");
    private static final RefNames COUNTRY = new RefNames("contact_country");
    private static final RefNames PROVINCE = new RefNames("contact_province");
    private static final RefNames CITY = new RefNames("contact_city");
    private static final RefNames DISTRICT = new RefNames("contact_district");
    private static final SerializedString CONTACT_ADDRESS = name("contact_address");
    private static final SerializedString TOTALUNSETTLEAMOUNT = name("totalunsettleamount");
    private static final SerializedString TOTALUNSETTLEAMOUNTFOR = name("totalunsettleamountfor");
    private static final SerializedString EXCHANGERATE = name("exchangerate");
    private static final SerializedString SETTLESTATUS = name("settlestatus");
    private static final SerializedString ALLDEBT = name("alldebt");
    private static final SerializedString LASTDEBT = name("lastdebt");
    private static final SerializedString TOTALAMOUNT = name("totalamount");
    private static final RefNames PAY_TYPE = new RefNames("edit_pay_type");
    private static final SerializedString TOTALPREAMOUNT = name("totalpreamount");
    private static final SerializedString BILL_DIS_AMOUNT = name("bill_dis_amount");
    private static final RefNames PAY_ACCOUNT = new RefNames("edit_pay_account");
    private static final SerializedString BILL_DIS_RATE = name("bill_dis_rate");
    private static final SerializedString TOTALINSAMOUNT = name("totalinsamount");
    private static final SerializedString MATERIAL_ENTITY = name("material_entity");
    // V1 material lines
    private static final SerializedString PICTURE = name("picture");
    private static final SerializedString SEQ = name("seq");
    private static final RefNames MATERIAL = new RefNames("materialid");
    private static final SerializedString IS_MULTI_UNIT = name("materialid_ismulti_unit");
    private static final SerializedString IS_SERIAL = name("materialid_isserial");
    private static final SerializedString IS_ASSTATTR = name("materialid_isasstattr");
    private static final SerializedString IS_KFPERIOD = name("materialid_iskfperiod");
    private static final SerializedString IS_BATCH = name("materialid_isbatch");
    private static final SerializedString MODEL = name("materialid_model");
    private static final RefNames STOCK = new RefNames("stockid");
    private static final SerializedString STOCK_ALLOWFREIGHT = name("stockid_isallowfreight");
    private static final RefNames PLACE = new RefNames("spid");
    private static final RefNames AUXPROP = new RefNames("auxpropid");
    private static final RefNames AUX1 = new RefNames("auxid1");
    private static final RefNames AUX2 = new RefNames("auxid2");
    private static final RefNames AUX3 = new RefNames("auxid3");
    private static final SerializedString BARCODE = name("barcode");
    private static final SerializedString BATCHNO = name("batchno");
    private static final SerializedString PROPLACE = name("proplace");
    private static final SerializedString PROREGNO = name("proregno");
    private static final SerializedString PROLICENSE = name("prolicense");
    private static final SerializedString KFDATE = name("kfdate");
    private static final SerializedString VALIDDATE = name("validdate");
    private static final SerializedString KFTYPE = name("kftype");
    private static final SerializedString KFPERIOD = name("kfperiod");
    private static final SerializedString SN = name("sn");
    private static final SerializedString SNLISTID = name("snlistid");
    private static final RefNames BASEUNIT = new RefNames("baseunit");
    private static final RefNames UNIT = new RefNames("unit");
    private static final RefNames AUXUNIT = new RefNames("auxunitid");
    private static final SerializedString CONVERSIONRATE = name("conversionrate");
    private static final SerializedString QTY = name("qty");
    private static final SerializedString INV_QTY = name("inv_qty");
    private static final SerializedString BASEQTY = name("baseqty");
    private static final SerializedString INV_BASEQTY = name("inv_baseqty");
    private static final SerializedString AUXQTY = name("auxqty");
    private static final SerializedString DEFFLOATQTY = name("deffloatqty");
    private static final SerializedString AUXCOEFFICIENT = name("auxcoefficient");
    private static final SerializedString COEFFICIENT = name("coefficient");
    private static final SerializedString PRICE = name("price");
    private static final SerializedString DISCOUNT = name("discount");
    private static final SerializedString COMMENT = name("comment");
    private static final SerializedString SRCBILLNO = name("srcbillno");
    private static final RefNames SRCBILLTYPE = new RefNames("srcbilltypeid");
    private static final SerializedString SRCINTERID = name("srcinterid");
    private static final SerializedString SRC_BILLDATE = name("src_billdate");
    private static final SerializedString SRCSEQ = name("srcseq");
    private static final SerializedString SRCENTRYID = name("srcentryid");
    private static final SerializedString ENTRYSETTLESTATUS = name("entrysettlestatus");
    private static final SerializedString CURSETTLEAMOUNTFOR = name("cursettleamountfor");
    private static final SerializedString RETURNABLE_QTY = name("returnable_qty");
    private static final SerializedString DISRATE = name("disrate");
    private static final SerializedString CESS = name("cess");
    private static final SerializedString COST_VIEW = name("cost_view");
    private static final SerializedString UNITCOST_VIEW = name("unitcost_view");

    private final PurchaseInbounds bills;
    private final Catalog catalog;

    BillJson(PurchaseInbounds bills) {
        this.bills = bills;
        this.catalog = bills.catalog();
    }

    private static SerializedString name(String name) {
        return new SerializedString(name);
    }

    /** The three field names of a reference: {@code prefix_id}, {@code prefix_name}, {@code prefix_number}. */
    private record RefNames(SerializedString id, SerializedString name, SerializedString number) {
        RefNames(String prefix) {
            this(BillJson.name(prefix + "_id"), BillJson.name(prefix + "_name"), BillJson.name(prefix + "_number"));
        }
    }

    /** The full V1 bill (list rows and detail). */
    void writeV1(JsonGenerator g, int index) throws IOException {
        Bill b = new Bill(index);
        Supplier supplier = catalog.suppliers().get(bills.supplier(index));
        g.writeStartObject();
        field(g, ID, Long.toString(bills.id(index)));
        field(g, BILLNO, bills.billNo(index));
        field(g, BILLDATE, date(bills.billDay(index)));
        field(g, BILLSTATUS, bills.status(index) == 'C' ? "C" : "Z");
        field(g, CREATETIME, Long.toString(bills.createTime(index)));
        field(g, MODIFYTIME, Long.toString(bills.modifyTime(index)));
        field(g, AUDITTIME, b.audited ? Long.toString(b.auditTime) : "");
        ref(g, CREATOR, b.creator);
        ref(g, MODIFIER, b.modifier);
        ref(g, AUDITOR, b.auditor);
        field(g, TRANSTYPE, b.transType);
        field(g, REMARK, b.remark);
        ref(g, DEPT, catalog.departments().get(bills.department(index)));
        ref(g, EMP, catalog.employees().get(bills.employee(index)).ref());
        ref(g, CUSTOMER, b.customer);
        ref(g, SUPPLIER, supplier.ref());
        field(g, CONTACT_PHONE, supplier.phone());
        ref(g, COUNTRY, Catalog.COUNTRY);
        ref(g, PROVINCE, supplier.location().province());
        ref(g, CITY, supplier.location().city());
        ref(g, DISTRICT, supplier.location().district());
        field(g, CONTACT_ADDRESS, supplier.address());
        field(g, TOTALUNSETTLEAMOUNT, money(b.settled));
        field(g, TOTALUNSETTLEAMOUNTFOR, money(b.settled));
        field(g, EXCHANGERATE, ONE);
        field(g, SETTLESTATUS, b.settleStatus);
        field(g, ALLDEBT, money(b.lastDebt + b.total - b.settled));
        field(g, LASTDEBT, money(b.lastDebt));
        field(g, TOTALAMOUNT, money(b.total));
        ref(g, PAY_TYPE, b.payType);
        field(g, TOTALPREAMOUNT, money(b.prepaid));
        field(g, BILL_DIS_AMOUNT, money(b.billDiscount));
        ref(g, PAY_ACCOUNT, b.payAccount);
        field(g, BILL_DIS_RATE, Integer.toString(b.billDiscountPercent));
        field(g, TOTALINSAMOUNT, money(b.settled - b.prepaid));
        g.writeFieldName(MATERIAL_ENTITY);
        g.writeStartArray();
        for (Line line : b.lines) {
            writeV1Line(g, b, line);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void writeV1Line(JsonGenerator g, Bill b, Line l) throws IOException {
        Material m = l.material;
        Category category = catalog.categories().get(m.category());
        boolean shelfLife = category.shelfLife();
        boolean multi = m.multiUnit();
        g.writeStartObject();
        field(g, PICTURE, m.json().picture());
        field(g, SEQ, Integer.toString(l.seq));
        field(g, ID, Long.toString(LINE_ID_BASE + b.index * 10L + l.seq));
        ref(g, MATERIAL, m.ref());
        field(g, IS_MULTI_UNIT, bool(multi));
        field(g, IS_SERIAL, bool(m.serial()));
        field(g, IS_ASSTATTR, bool(category.auxAttributes()));
        field(g, IS_KFPERIOD, bool(shelfLife));
        field(g, IS_BATCH, bool(category.batch()));
        field(g, MODEL, m.json().model());
        ref(g, STOCK, l.warehouse.ref());
        field(g, STOCK_ALLOWFREIGHT, bool(l.warehouse.locations()));
        ref(g, PLACE, l.place);
        ref(g, AUXPROP, l.auxProperty);
        ref(g, AUX1, l.colour);
        ref(g, AUX2, l.size);
        ref(g, AUX3, Ref.NONE);
        field(g, BARCODE, m.json().barcode());
        field(g, BATCHNO, category.batch() ? "B" + COMPACT_DATE.format(LocalDate.ofEpochDay(l.productionDay)) + "-"
                + l.batchSuffix : "");
        field(g, PROPLACE, category.place());
        field(g, PROREGNO, m.json().registration());
        field(g, PROLICENSE, m.json().licence());
        field(g, KFDATE, shelfLife ? date(l.productionDay) : "");
        field(g, VALIDDATE, shelfLife ? validUntil(l.productionDay, m) : "");
        field(g, KFTYPE, shelfLife ? Integer.toString(m.kfType()) : "");
        field(g, KFPERIOD, shelfLife ? Integer.toString(m.kfPeriod()) : "");
        field(g, SN, m.serial() ? "SN" + m.ref().number().substring(2) + pad(b.index, 6) + l.seq : "");
        field(g, SNLISTID, m.serial() ? Long.toString(SERIAL_ID_BASE + b.index * 10L + l.seq) : "");
        ref(g, BASEUNIT, m.baseUnit());
        ref(g, UNIT, l.aux ? m.auxUnit() : m.baseUnit());
        ref(g, AUXUNIT, m.auxUnit());
        field(g, CONVERSIONRATE, m.json().conversionRate());
        long baseQty = l.qty * l.coefficient;
        String qty = decimal(l.qty * 100);
        String base = decimal(baseQty * 100);
        field(g, QTY, qty);
        field(g, INV_QTY, qty);
        field(g, BASEQTY, base);
        field(g, INV_BASEQTY, base);
        field(g, AUXQTY, multi ? decimal(baseQty * 100 / m.auxRate()) : "0");
        field(g, DEFFLOATQTY, multi ? base : "0");
        field(g, AUXCOEFFICIENT, multi ? Integer.toString(m.auxRate()) : "0");
        field(g, COEFFICIENT, Integer.toString(l.coefficient));
        field(g, PRICE, money(l.priceCents));
        field(g, DISCOUNT, l.discountPercent == 0 ? "0.00" : l.discountPercent == 5 ? "0.05" : "0.10");
        field(g, COMMENT, l.comment);
        if (l.sourceDay != Long.MIN_VALUE) {
            long sourceId = SOURCE_ID_BASE + b.index * 10L;
            field(g, SRCBILLNO, "CGDD-" + COMPACT_DATE.format(LocalDate.ofEpochDay(l.sourceDay)) + "-"
                    + l.sourceNumber);
            ref(g, SRCBILLTYPE, Catalog.SOURCE_BILL_TYPE);
            field(g, SRCINTERID, Long.toString(sourceId));
            field(g, SRC_BILLDATE, date(l.sourceDay));
            field(g, SRCSEQ, Integer.toString(l.seq));
            field(g, SRCENTRYID, Long.toString(sourceId + l.seq));
        } else {
            field(g, SRCBILLNO, EMPTY);
            ref(g, SRCBILLTYPE, Ref.NONE);
            field(g, SRCINTERID, EMPTY);
            field(g, SRC_BILLDATE, EMPTY);
            field(g, SRCSEQ, EMPTY);
            field(g, SRCENTRYID, EMPTY);
        }
        field(g, ENTRYSETTLESTATUS, b.settleStatus);
        field(g, CURSETTLEAMOUNTFOR, money(b.total == 0 ? 0 : l.amountCents * b.settled / b.total));
        field(g, RETURNABLE_QTY, b.audited ? qty : "0.00");
        field(g, DISRATE, Integer.toString(l.discountPercent));
        field(g, CESS, Integer.toString(category.cess()));
        long cost = l.amountCents * 100 / (100 + category.cess());
        field(g, COST_VIEW, money(cost));
        field(g, UNITCOST_VIEW, money(cost / l.qty));
        g.writeEndObject();
    }

    /** The V2 gateway's row: fewer fields, snake_case names, times as numbers. */
    void writeV2(JsonGenerator g, int index) throws IOException {
        Bill b = new Bill(index);
        Supplier supplier = catalog.suppliers().get(bills.supplier(index));
        Ref department = catalog.departments().get(bills.department(index));
        Ref employee = catalog.employees().get(bills.employee(index)).ref();
        g.writeStartObject();
        g.writeStringField("id", Long.toString(bills.id(index)));
        g.writeStringField("bill_no", bills.billNo(index));
        g.writeStringField("bill_date", date(bills.billDay(index)));
        g.writeStringField("bill_status", bills.status(index) == 'C' ? "C" : "Z");
        g.writeNumberField("create_time", bills.createTime(index));
        g.writeNumberField("modify_time", bills.modifyTime(index));
        g.writeFieldName("supplier_id");
        g.writeString(supplier.ref().idJson);
        g.writeFieldName("supplier_number");
        g.writeString(supplier.ref().numberJson);
        g.writeFieldName("supplier_name");
        g.writeString(supplier.ref().nameJson);
        g.writeFieldName("dept_id");
        g.writeString(department.idJson);
        g.writeFieldName("dept_name");
        g.writeString(department.nameJson);
        g.writeFieldName("emp_id");
        g.writeString(employee.idJson);
        g.writeFieldName("emp_name");
        g.writeString(employee.nameJson);
        g.writeStringField("total_amount", money(b.total));
        g.writeStringField("remark", b.remark);
        g.writeArrayFieldStart("material_entity");
        for (Line l : b.lines) {
            g.writeStartObject();
            g.writeNumberField("seq", l.seq);
            g.writeFieldName("material_id");
            g.writeString(l.material.ref().idJson);
            g.writeFieldName("material_number");
            g.writeString(l.material.ref().numberJson);
            g.writeFieldName("material_name");
            g.writeString(l.material.ref().nameJson);
            g.writeFieldName("unit_name");
            g.writeString((l.aux ? l.material.auxUnit() : l.material.baseUnit()).nameJson);
            g.writeFieldName("stock_id");
            g.writeString(l.warehouse.ref().idJson);
            g.writeFieldName("stock_name");
            g.writeString(l.warehouse.ref().nameJson);
            g.writeStringField("qty", decimal(l.qty * 100));
            g.writeStringField("price", money(l.priceCents));
            g.writeStringField("amount", money(l.amountCents));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void field(JsonGenerator g, SerializableString name, String value) throws IOException {
        g.writeFieldName(name);
        g.writeString(value);
    }

    private static void field(JsonGenerator g, SerializableString name, SerializableString value) throws IOException {
        g.writeFieldName(name);
        g.writeString(value);
    }

    private static void ref(JsonGenerator g, RefNames names, Ref ref) throws IOException {
        field(g, names.id(), ref.idJson);
        field(g, names.name(), ref.nameJson);
        field(g, names.number(), ref.numberJson);
    }

    private static SerializedString bool(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** Cents as the vendor writes amounts: {@code 1234.50}. */
    static String money(long cents) {
        return decimal(cents);
    }

    /** A value in hundredths with two decimals: {@code 12.00}, {@code -0.05}. */
    private static String decimal(long hundredths) {
        long magnitude = Math.abs(hundredths);
        long fraction = magnitude % 100;
        return (hundredths < 0 ? "-" : "") + magnitude / 100 + (fraction < 10 ? ".0" : ".") + fraction;
    }

    /** A number with leading zeros to at least {@code width} digits. */
    static String pad(int value, int width) {
        String digits = Integer.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    static String date(long epochDay) {
        return LocalDate.ofEpochDay(epochDay).toString();
    }

    private static String validUntil(long productionDay, Material m) {
        LocalDate made = LocalDate.ofEpochDay(productionDay);
        return (m.kfType() == 1 ? made.plusDays(m.kfPeriod()) : made.plusMonths(m.kfPeriod())).toString();
    }

    /** Everything about a bill that is not in the compact arrays, drawn in a fixed order from its random source. */
    private final class Bill {
        final int index;
        final Line[] lines;
        final boolean audited;
        final long auditTime;
        final Ref creator;
        final Ref modifier;
        final Ref auditor;
        final String transType;
        final Ref customer;
        final String remark;
        final Ref payType;
        final Ref payAccount;
        final int billDiscountPercent;
        final long billDiscount;
        final long total;
        final long settled;
        final long prepaid;
        final long lastDebt;
        final SerializedString settleStatus;

        Bill(int index) {
            this.index = index;
            SplittableRandom r = bills.detailRandom(index);
            long billDay = bills.billDay(index);
            lines = new Line[bills.lineCount(index)];
            long sum = 0;
            for (int k = 0; k < lines.length; k++) {
                lines[k] = new Line(k + 1, catalog.materials().get(bills.lineMaterial(index, k)), billDay, r);
                sum += lines[k].amountCents;
            }
            audited = bills.status(index) == 'C';
            long created = bills.createTime(index);
            auditTime = created + r.nextLong(bills.generatedModifyTime(index) - created + 1);
            int employees = catalog.employees().size();
            creator = catalog.employees().get(r.nextInt(employees)).ref();
            modifier = r.nextInt(3) == 0 ? catalog.employees().get(r.nextInt(employees)).ref() : creator;
            Ref auditorDrawn = catalog.employees().get(r.nextInt(employees)).ref();
            auditor = audited ? auditorDrawn : Ref.NONE;
            boolean dropShip = r.nextInt(100) < 15;
            transType = TRANS_TYPES[dropShip ? 1 : 0];
            Ref customerDrawn = catalog.customers().get(r.nextInt(catalog.customers().size()));
            customer = dropShip ? customerDrawn : Ref.NONE;
            remark = r.nextBoolean() ? REMARKS[r.nextInt(REMARKS.length)] : "";
            payType = catalog.payTypes().get(r.nextInt(catalog.payTypes().size()));
            payAccount = catalog.payAccounts().get(r.nextInt(catalog.payAccounts().size()));
            billDiscountPercent = r.nextInt(5) == 0 ? 1 + r.nextInt(3) : 0;
            billDiscount = sum * billDiscountPercent / 100;
            total = sum - billDiscount;
            int settleRoll = r.nextInt(10);
            int partShare = 20 + r.nextInt(61);
            settled = !audited || settleRoll >= 7 ? 0 : settleRoll < 4 ? total : total * partShare / 100;
            // 0 not settled (未核销), 1 partly settled (部分核销), 2 settled (已核销)
            settleStatus = settled == 0 ? ZERO : settled == total ? TWO : ONE;
            prepaid = settled > 0 && r.nextInt(5) == 0 ? settled * 3 / 10 : 0;
            lastDebt = r.nextLong(5_000_000L);
        }
    }

    /** One material line, drawn from the bill's random source. */
    private final class Line {
        final int seq;
        final Material material;
        final Warehouse warehouse;
        final Ref place;
        final boolean aux;
        final int coefficient;
        final long qty;
        final long priceCents;
        final int discountPercent;
        final long amountCents;
        final String comment;
        final long sourceDay;
        final String sourceNumber;
        final long productionDay;
        final String batchSuffix;
        final Ref colour;
        final Ref size;
        final Ref auxProperty;

        Line(int seq, Material material, long billDay, SplittableRandom r) {
            this.seq = seq;
            this.material = material;
            warehouse = catalog.warehouses().get(r.nextInt(catalog.warehouses().size()));
            place = warehouse.locations() ? warehouse.places().get(r.nextInt(warehouse.places().size())) : Ref.NONE;
            boolean auxDrawn = r.nextBoolean();
            aux = material.multiUnit() && auxDrawn;
            coefficient = aux ? material.auxRate() : 1;
            qty = aux ? 1 + r.nextInt(20) : 1 + r.nextInt(200);
            long variance = 90 + r.nextInt(21);
            priceCents = material.purchaseCents() * coefficient * variance / 100;
            int discountRoll = r.nextInt(10);
            discountPercent = discountRoll < 7 ? 0 : discountRoll < 9 ? 5 : 10;
            amountCents = qty * priceCents * (100 - discountPercent) / 100;
            comment = r.nextInt(10) < 3 ? COMMENTS[r.nextInt(COMMENTS.length)] : "";
            boolean fromOrder = r.nextInt(10) < 7;
            long sourceDayDrawn = billDay - 1 - r.nextInt(5);
            String number = pad(1 + r.nextInt(9999), 4);
            sourceDay = fromOrder ? sourceDayDrawn : Long.MIN_VALUE;
            sourceNumber = number;
            productionDay = billDay - 10 - r.nextInt(110);
            batchSuffix = pad(1 + r.nextInt(20), 2);
            int colourIndex = r.nextInt(catalog.colours().size());
            int sizeIndex = r.nextInt(catalog.sizes().size());
            if (catalog.categories().get(material.category()).auxAttributes()) {
                colour = catalog.colours().get(colourIndex);
                size = catalog.sizes().get(sizeIndex);
                auxProperty = catalog.auxProperty(colourIndex, sizeIndex);
            } else {
                colour = Ref.NONE;
                size = Ref.NONE;
                auxProperty = Ref.NONE;
            }
        }
    }
}
