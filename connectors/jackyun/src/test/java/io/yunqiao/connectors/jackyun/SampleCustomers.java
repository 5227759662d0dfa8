package io.yunqiao.connectors.jackyun;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Bodies for {@code crm.customer.add}. */
final class SampleCustomers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleCustomers() {
    }

    /** Only the two required fields. */
    static ObjectNode minimal(String customerCode) {
        ObjectNode body = JSON.createObjectNode();
        body.put("customerCode", customerCode);
        body.put("nickname", "测试客户 " + customerCode);
        return body;
    }

    /** All 30 fields of the dictionary, with valid values. */
    static ObjectNode complete(String customerCode) {
        ObjectNode body = minimal(customerCode);
        body.put("nickname", "杭州测试供应商");
        body.put("alias", "杭测");
        body.put("vipLevel", "3");
        body.put("vipLevelName", "金卡");
        body.put("contacts", "王小明");
        body.put("country", "中国");
        body.put("state", "浙江省");
        body.put("city", "杭州市");
        body.put("district", "西湖区");
        body.put("town", "文新街道");
        body.put("address", "文一西路 100 号");
        body.put("detailedAddress", "浙江省杭州市西湖区文新街道文一西路 100 号 3 幢 & 5 楼");
        body.put("zip", "310012");
        body.put("gender", "1");
        body.put("age", "36");
        body.put("birthday", "1990-02-28");
        body.put("calendarType", "0");
        body.put("phone", "13800138000");
        body.put("email", "wang.xm+test@example.com");
        body.put("qq", "10001");
        body.put("weiXin", "wxid_abc=123");
        body.put("taxNumber", "91330100MA2XXXXX1X");
        body.put("customerManager", "E001");
        body.put("customerManagerName", "李经理");
        body.put("refereeId", "R009");
        body.put("referee", "赵推荐");
        body.put("specialReminding", "周末不收货；\"加急\"请电话");
        body.put("customerType", "T02");
        body.put("customerTypeName", "批发客户");
        return body;
    }
}
