package io.yunqiao.connectors.kingdee.sandbox;

import com.fasterxml.jackson.core.io.SerializedString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The master data behind the sandbox's bills, generated from the seed: suppliers, employees and departments,
 * customers, materials, warehouses, payment methods and accounts. Small (hundreds of entries) and immutable.
 */
final class Catalog {

    /**
     * How Kingdee writes a reference to master data: the {@code _id}, {@code _number} and {@code _name} fields. Holds
     * its values JSON-encoded too, since the same few hundred references fill every answer.
     */
    static final class Ref {
        static final Ref NONE = new Ref("", "", "");

        private final String id;
        private final String number;
        private final String name;
        final SerializedString idJson;
        final SerializedString numberJson;
        final SerializedString nameJson;

        Ref(String id, String number, String name) {
            this.id = id;
            this.number = number;
            this.name = name;
            this.idJson = new SerializedString(id);
            this.numberJson = new SerializedString(number);
            this.nameJson = new SerializedString(name);
        }

        String id() {
            return id;
        }

        String number() {
            return number;
        }

        String name() {
            return name;
        }

        @Override
        public String toString() {
            return name + " (" + number + ", " + id + ")";
        }
    }

    record Location(Ref province, Ref city, Ref district, String areaCode) {
    }

    record Supplier(Ref ref, SerializedString phone, Location location, SerializedString address) {
    }

    record Employee(Ref ref, int department) {
    }

    record Category(Ref ref, boolean batch, boolean shelfLife, boolean auxAttributes, int cess,
            SerializedString place) {
    }

    record Material(Ref ref, String model, String barcode, int category, Ref baseUnit, Ref auxUnit, int auxRate,
            boolean serial, int kfType, int kfPeriod, long purchaseCents, long retailCents, String registration,
            String licence, long createTime, long modifyTime, Encoded json) {

        boolean multiUnit() {
            return auxUnit != Ref.NONE;
        }
    }

    /** The JSON-encoded texts of a material that bill lines repeat. */
    record Encoded(SerializedString model, SerializedString barcode, SerializedString registration,
            SerializedString licence, SerializedString picture, SerializedString conversionRate) {
    }

    record Warehouse(Ref ref, boolean locations, List<Ref> places) {
    }

    static final Ref COUNTRY = new Ref("1", "CN", "中国");
    static final Ref SOURCE_BILL_TYPE = new Ref("1000041", "pur_order", "采购订单");

    private static final String PICTURE_BASE = "https://img.jdy-sandbox.example/material/";
    private static final long ID_BASE = 1_400_000_000_000_000_000L;
    private static final long ID_SPREAD = 400_000_000_000_000_000L;

    private static final String[][] LOCATIONS = {
        {"浙江省", "330000", "杭州市", "330100", "西湖区", "330106", "0571"},
        {"浙江省", "330000", "杭州市", "330100", "余杭区", "330110", "0571"},
        {"浙江省", "330000", "宁波市", "330200", "鄞州区", "330212", "0574"},
        {"浙江省", "330000", "温州市", "330300", "鹿城区", "330302", "0577"},
        {"浙江省", "330000", "金华市", "330700", "义乌市", "330782", "0579"},
        {"江苏省", "320000", "苏州市", "320500", "吴中区", "320506", "0512"},
        {"江苏省", "320000", "南京市", "320100", "江宁区", "320115", "025"},
        {"江苏省", "320000", "无锡市", "320200", "滨湖区", "320211", "0510"},
        {"上海市", "310000", "上海市", "310100", "浦东新区", "310115", "021"},
        {"上海市", "310000", "上海市", "310100", "闵行区", "310112", "021"},
        {"广东省", "440000", "深圳市", "440300", "南山区", "440305", "0755"},
        {"广东省", "440000", "广州市", "440100", "天河区", "440106", "020"},
        {"广东省", "440000", "佛山市", "440600", "顺德区", "440606", "0757"},
        {"福建省", "350000", "厦门市", "350200", "思明区", "350203", "0592"},
        {"安徽省", "340000", "合肥市", "340100", "蜀山区", "340104", "0551"},
        {"四川省", "510000", "成都市", "510100", "武侯区", "510107", "028"},
        {"山东省", "370000", "青岛市", "370200", "黄岛区", "370211", "0532"},
        {"湖北省", "420000", "武汉市", "420100", "洪山区", "420111", "027"},
        {"北京市", "110000", "北京市", "110100", "朝阳区", "110105", "010"},
    };
    private static final String[] TRADE_NAMES = {"华鑫", "恒达", "金顺", "永泰", "瑞丰", "鼎盛", "宏远", "博雅", "康源",
        "天成", "新锐", "正和", "优品", "联创", "嘉禾", "锦程", "盛世", "佳美", "通达", "汇丰", "海纳", "明辉", "君安", "润泽"};
    private static final String[] TRADES = {"电子科技", "纺织品", "食品", "包装材料", "五金制品", "日用品", "化工", "塑胶制品",
        "家居用品", "办公用品", "医疗器械", "服饰"};
    private static final String[] STREETS = {"人民路", "解放路", "建设路", "中山路", "科技路", "工业路", "创业大道", "新华路",
        "滨江路", "学院路", "文三路", "长江路", "友谊路", "和平路"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡",
        "朱", "高", "林", "何", "郭", "马", "罗"};
    private static final String[] GIVEN_NAMES = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇",
        "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "晨", "浩然", "子涵", "欣怡", "宇轩", "思远",
        "雨桐"};
    private static final String[] DEPARTMENTS = {"采购部", "仓储物流部", "财务部", "销售部", "生产部", "行政部"};
    private static final String[] CUSTOMER_TRADES = {"商贸", "贸易", "电子商务", "百货", "连锁超市"};
    private static final String[] UNITS = {"个", "件", "盒", "包", "瓶", "支", "台", "把", "套", "卷", "双", "顶", "条",
        "提", "袋", "箱", "捆", "本", "千克"};
    private static final String[] WAREHOUSES = {"总仓", "原料仓", "成品仓", "华东分仓", "华南分仓"};
    private static final String[] PAY_TYPES = {"现金", "银行转账", "支付宝", "微信支付", "商业承兑汇票"};
    private static final String[] PAY_ACCOUNTS = {"工商银行基本户", "建设银行一般户", "现金账户", "支付宝账户"};

    /** Category: name, then "brand,brand…", then "product|unit|model" entries. */
    private static final String[][] CATEGORIES = {
        {"电子配件", "绿联,倍思,酷盾,极客派", "USB数据线|条|Type-C 1米", "蓝牙耳机|个|半入耳 白色", "移动电源|个|10000mAh",
            "无线鼠标|个|2.4G 静音", "机械键盘|个|87键 青轴", "移动硬盘|台|1TB USB3.0", "电源适配器|个|65W 快充"},
        {"办公用品", "得力,晨光,齐心,三木", "A4复印纸|包|70g 500张", "中性笔|支|0.5mm 黑色", "文件夹|个|A4 蓝色",
            "订书机|个|24/6 标准型", "便利贴|本|76×76mm", "计算器|台|12位 太阳能", "档案盒|个|55mm 牛皮纸"},
        {"食品饮料", "好食光,鲜享,田园优选,悦味", "矿泉水|瓶|550ml", "苏打饼干|盒|400g", "速溶咖啡|盒|1.8g×40条",
            "坚果礼盒|盒|750g", "绿茶|瓶|500ml", "纯牛奶|提|250ml×24", "燕麦片|袋|1kg"},
        {"日用百货", "洁家,优居,悦生活,净朗", "洗衣液|瓶|3kg 薰衣草", "抽纸|提|3层 130抽×6包", "沐浴露|瓶|750ml",
            "牙膏|支|180g 薄荷", "垃圾袋|卷|45×50cm 30只", "保温杯|个|500ml 不锈钢", "毛巾|条|34×75cm 纯棉"},
        {"五金工具", "世达,史丹利,博世,得力", "螺丝刀套装|套|32件", "电钻|台|12V 锂电", "卷尺|把|5米", "活动扳手|把|10寸",
            "钢丝钳|把|8寸", "膨胀螺丝|盒|M8×80 50只", "角磨机|台|100mm 850W"},
        {"包装材料", "合兴,裕同,永新", "瓦楞纸箱|个|五层 60×40×40cm", "气泡膜|卷|50cm×100m", "封箱胶带|卷|4.5cm×100m",
            "珍珠棉|卷|1m×2mm", "打包带|捆|PP 15mm", "缠绕膜|卷|50cm 2.5kg"},
        {"医疗器械", "鱼跃,稳健,振德,海氏海诺", "医用外科口罩|盒|50只 独立包装", "电子体温计|支|腋下式", "电子血压计|台|上臂式",
            "医用检查手套|盒|丁腈 M码 100只", "酒精棉片|盒|75% 100片", "医用创可贴|盒|72×19mm 100片"},
        {"服装鞋帽", "安踏,李宁,特步,海澜之家", "纯棉T恤|件|圆领 短袖", "工作服|套|春秋款 涤棉", "运动鞋|双|跑步款",
            "棒球帽|顶|可调节", "冲锋衣|件|三合一 防水", "运动袜|双|中筒 5双装"},
    };
    private static final boolean[][] CATEGORY_FLAGS = {
        // batch, shelf life, auxiliary attributes
        {false, false, false}, {false, false, false}, {true, true, false}, {true, false, false},
        {false, false, false}, {false, false, false}, {true, true, false}, {false, false, true},
    };
    private static final int[] CATEGORY_CESS = {13, 13, 13, 13, 13, 13, 13, 13};
    private static final String[] CATEGORY_PLACES = {"广东深圳", "浙江宁波", "浙江杭州", "江苏苏州", "浙江永康", "广东东莞",
        "江苏常州", "福建晋江"};
    private static final long[] CATEGORY_PRICE_CENTS = {3_500, 1_200, 2_800, 2_500, 6_000, 900, 4_500, 8_000};
    private static final String[] COLOURS = {"红色", "黑色", "白色", "蓝色"};
    private static final String[] COLOUR_CODES = {"R", "B", "W", "L"};
    private static final String[] SIZES = {"S", "M", "L", "XL"};

    private final List<Location> locations = new ArrayList<>();
    private final List<Supplier> suppliers = new ArrayList<>();
    private final List<Ref> departments = new ArrayList<>();
    private final List<Employee> employees = new ArrayList<>();
    private final List<Ref> customers = new ArrayList<>();
    private final List<Ref> units = new ArrayList<>();
    private final List<Category> categories = new ArrayList<>();
    private final List<Material> materials = new ArrayList<>();
    private final List<Warehouse> warehouses = new ArrayList<>();
    private final List<Ref> payTypes = new ArrayList<>();
    private final List<Ref> payAccounts = new ArrayList<>();
    private final List<Ref> colours = new ArrayList<>();
    private final List<Ref> sizes = new ArrayList<>();
    private final List<Ref> auxProperties = new ArrayList<>();
    private final Map<String, Integer> supplierById = new HashMap<>();
    private final Map<String, Integer> departmentById = new HashMap<>();
    private final Map<String, Integer> employeeById = new HashMap<>();

    Catalog(SandboxSettings settings) {
        SplittableRandom random = new SplittableRandom(settings.seed() ^ 0x5DEECE66DL);
        for (String[] l : LOCATIONS) {
            locations.add(new Location(new Ref(l[1], l[1], l[0]), new Ref(l[3], l[3], l[2]), new Ref(l[5], l[5], l[4]),
                    l[6]));
        }
        for (int i = 0; i < DEPARTMENTS.length; i++) {
            departments.add(ref(random, "BM%02d", i + 1, DEPARTMENTS[i]));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; names.size() < Math.min(SURNAMES.length * GIVEN_NAMES.length, 30); i++) {
            String name = pick(random, SURNAMES) + pick(random, GIVEN_NAMES);
            if (names.add(name)) {
                employees.add(new Employee(ref(random, "ZY%03d", employees.size() + 1, name),
                        random.nextInt(departments.size())));
            }
        }
        generateSuppliers(settings.suppliers(), random);
        names.clear();
        while (customers.size() < 10) {
            String name = pick(random, LOCATIONS)[2].replace("市", "") + pick(random, TRADE_NAMES)
                    + pick(random, CUSTOMER_TRADES) + "有限公司";
            if (names.add(name)) {
                customers.add(ref(random, "KH%04d", customers.size() + 1, name));
            }
        }
        for (int i = 0; i < UNITS.length; i++) {
            units.add(ref(random, "DW%02d", i + 1, UNITS[i]));
        }
        for (int i = 0; i < COLOURS.length; i++) {
            colours.add(new Ref(Long.toString(id(random)), "YS-" + COLOUR_CODES[i], COLOURS[i]));
            sizes.add(new Ref(Long.toString(id(random)), "CM-" + SIZES[i], SIZES[i]));
        }
        for (Ref colour : colours) {
            for (Ref size : sizes) {
                auxProperties.add(new Ref(Long.toString(id(random)), colour.number() + "/" + size.number(),
                        colour.name() + "/" + size.name()));
            }
        }
        for (int i = 0; i < CATEGORIES.length; i++) {
            boolean[] flags = CATEGORY_FLAGS[i];
            categories.add(new Category(ref(random, "LB%02d", i + 1, CATEGORIES[i][0]), flags[0], flags[1], flags[2],
                    CATEGORY_CESS[i], new SerializedString(CATEGORY_PLACES[i])));
        }
        generateMaterials(settings, random);
        for (int i = 0; i < WAREHOUSES.length; i++) {
            boolean withPlaces = i == 0 || i == 2;
            List<Ref> places = new ArrayList<>();
            if (withPlaces) {
                for (int p = 0; p < 6; p++) {
                    String code = (char) ('A' + p / 3) + "-0" + (p % 3 + 1) + "-0" + (p % 2 + 1);
                    places.add(new Ref(Long.toString(id(random)), "CW" + (i + 1) + "-" + code, code + "货位"));
                }
            }
            warehouses.add(new Warehouse(ref(random, "CK%03d", i + 1, WAREHOUSES[i]), withPlaces, List.copyOf(places)));
        }
        for (int i = 0; i < PAY_TYPES.length; i++) {
            payTypes.add(ref(random, "JSFS%02d", i + 1, PAY_TYPES[i]));
        }
        for (int i = 0; i < PAY_ACCOUNTS.length; i++) {
            payAccounts.add(ref(random, "ZH%03d", i + 1, PAY_ACCOUNTS[i]));
        }
        for (int i = 0; i < suppliers.size(); i++) {
            supplierById.put(suppliers.get(i).ref().id(), i);
        }
        for (int i = 0; i < departments.size(); i++) {
            departmentById.put(departments.get(i).id(), i);
        }
        for (int i = 0; i < employees.size(); i++) {
            employeeById.put(employees.get(i).ref().id(), i);
        }
    }

    private void generateSuppliers(int count, SplittableRandom random) {
        Set<String> names = new HashSet<>();
        while (suppliers.size() < count) {
            Location location = locations.get(random.nextInt(locations.size()));
            String city = location.city().name().replace("市", "");
            String name = city + pick(random, TRADE_NAMES) + pick(random, TRADES) + "有限公司";
            if (!names.add(name)) {
                // the pools hold ~5,000 distinct names; beyond them, a branch suffix keeps names unique
                name = name.replace("有限公司", "有限公司第" + (suppliers.size() + 1) + "分公司");
                names.add(name);
            }
            String phone = random.nextInt(3) == 0
                    ? location.areaCode() + "-" + (8_0000_000 + random.nextInt(1_9999_999))
                    : pick(random, new String[] {"138", "139", "135", "186", "158", "177", "189"})
                            + String.format("%08d", random.nextInt(100_000_000));
            String address = location.district().name() + pick(random, STREETS) + (1 + random.nextInt(999)) + "号"
                    + (random.nextBoolean() ? (1 + random.nextInt(12)) + "幢" + (1 + random.nextInt(20)) + "0"
                            + (1 + random.nextInt(8)) + "室" : "");
            suppliers.add(new Supplier(ref(random, "GYS%04d", suppliers.size() + 1, name), new SerializedString(phone),
                    location, new SerializedString(address)));
        }
    }

    private void generateMaterials(SandboxSettings settings, SplittableRandom random) {
        long spanEnd = settings.end();
        long spanStart = spanEnd - 180L * 86_400_000L;
        for (int i = 0; i < settings.materials(); i++) {
            int c = random.nextInt(CATEGORIES.length);
            String[] category = CATEGORIES[c];
            String[] product = category[2 + random.nextInt(category.length - 2)].split("\\|");
            String brand = pick(random, category[1].split(","));
            Ref baseUnit = unit(product[1]);
            boolean multi = random.nextInt(10) < 3;
            int auxRate = multi ? new int[] {6, 10, 12, 20, 24, 50}[random.nextInt(6)] : 0;
            boolean serial = (c == 0 || c == 4 || c == 6) && product[1].equals("台");
            Category cat = categories.get(c);
            int kfType = cat.shelfLife() ? (random.nextBoolean() ? 1 : 2) : 0;
            int kfPeriod = kfType == 1 ? new int[] {90, 180, 365}[random.nextInt(3)]
                    : kfType == 2 ? new int[] {12, 18, 24}[random.nextInt(3)] : 0;
            long purchase = CATEGORY_PRICE_CENTS[c] / 2 + random.nextLong(CATEGORY_PRICE_CENTS[c] * 2);
            long retail = purchase * (130 + random.nextInt(70)) / 100;
            String registration = c == 6 ? "浙械注准2026" + (2_140_000 + random.nextInt(9_999)) : "";
            String licence = c == 6 ? "浙食药监械生产许2026" + String.format("%04d", random.nextInt(10_000)) + "号"
                    : c == 2 ? "SC1" + String.format("%013d", random.nextLong(10_000_000_000_000L)) : "";
            long created = spanStart + random.nextLong(spanEnd - spanStart);
            long modified = created + random.nextLong(spanEnd - created + 1);
            Ref ref = ref(random, "SP%05d", i + 1, brand + product[0]);
            String barcode = ean13(random);
            Ref auxUnit = multi ? unit("箱") : Ref.NONE;
            Encoded json = new Encoded(new SerializedString(product[2]), new SerializedString(barcode),
                    new SerializedString(registration), new SerializedString(licence),
                    new SerializedString(PICTURE_BASE + ref.number() + ".jpg"),
                    new SerializedString(multi ? "1" + auxUnit.name() + "=" + auxRate + baseUnit.name() : ""));
            materials.add(new Material(ref, product[2], barcode, c, baseUnit, auxUnit, auxRate, serial, kfType,
                    kfPeriod, purchase, retail, registration, licence, created, modified, json));
        }
    }

    private Ref unit(String name) {
        for (Ref unit : units) {
            if (unit.name().equals(name)) {
                return unit;
            }
        }
        Ref added = new Ref(Long.toString(ID_BASE + units.size()), String.format("DW%02d", units.size() + 1), name);
        units.add(added);
        return added;
    }

    /** A 13-digit Chinese (69…) EAN barcode with its check digit. */
    private static String ean13(SplittableRandom random) {
        String body = "69" + String.format("%010d", random.nextLong(10_000_000_000L));
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return body + (10 - sum % 10) % 10;
    }

    private static Ref ref(SplittableRandom random, String numberFormat, int ordinal, String name) {
        return new Ref(Long.toString(id(random)), String.format(numberFormat, ordinal), name);
    }

    /** A Kingdee-looking 19-digit id. */
    static long id(SplittableRandom random) {
        return ID_BASE + random.nextLong(ID_SPREAD);
    }

    private static <T> T pick(SplittableRandom random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    List<Supplier> suppliers() {
        return suppliers;
    }

    List<Employee> employees() {
        return employees;
    }

    List<Ref> departments() {
        return departments;
    }

    List<Ref> customers() {
        return customers;
    }

    List<Material> materials() {
        return materials;
    }

    List<Category> categories() {
        return categories;
    }

    List<Warehouse> warehouses() {
        return warehouses;
    }

    List<Ref> payTypes() {
        return payTypes;
    }

    List<Ref> payAccounts() {
        return payAccounts;
    }

    List<Ref> colours() {
        return colours;
    }

    List<Ref> sizes() {
        return sizes;
    }

    /** The auxiliary property (辅助属性) combining a colour and a size. */
    Ref auxProperty(int colour, int size) {
        return auxProperties.get(colour * sizes.size() + size);
    }

    /** The index of a supplier by its id, or -1. */
    int supplierIndex(String id) {
        return supplierById.getOrDefault(id, -1);
    }

    int departmentIndex(String id) {
        return departmentById.getOrDefault(id, -1);
    }

    int employeeIndex(String id) {
        return employeeById.getOrDefault(id, -1);
    }
}
