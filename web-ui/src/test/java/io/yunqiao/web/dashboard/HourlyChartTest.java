package io.yunqiao.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.yunqiao.run.RunHistory.HourCount;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The dashboard's hourly chart as SVG: one group per hour, bars to scale, labels in Beijing time. */
class HourlyChartTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 2026-03-01 00:00 in Beijing. */
    private static final Instant MIDNIGHT = Instant.parse("2026-02-28T16:00:00Z");
    private static final HourlyChart.Labels LABELS = new HourlyChart.Labels("写入", "失败", "近 24 小时");

    private static List<HourCount> day(long[] written, long[] failed) {
        List<HourCount> hours = new ArrayList<>();
        for (int i = 0; i < written.length; i++) {
            hours.add(new HourCount(MIDNIGHT.plusSeconds(3600L * i), written[i], failed[i]));
        }
        return hours;
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Document svg, String tag, String cssClass) {
        NodeList nodes = svg.getElementsByTagName(tag);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element element = (Element) nodes.item(i);
            if (element.getAttribute("class").equals(cssClass)) {
                found.add(element);
            }
        }
        return found;
    }

    private static double height(Element rect) {
        return Double.parseDouble(rect.getAttribute("height"));
    }

    @Test
    void drawsOneGroupOfTwoBarsPerHourLabelledWithTheHourInBeijing() throws Exception {
        // given 24 hours starting at midnight in Beijing
        long[] written = new long[24];
        long[] failed = new long[24];

        // when drawn
        Document svg = parse(HourlyChart.svg(day(written, failed), SHANGHAI, LABELS));

        // then there are 24 hour groups, each with a written and a failed bar, labelled 00 .. 23
        List<Element> groups = elements(svg, "g", "yq-hour");
        assertThat(groups).hasSize(24);
        assertThat(groups).allSatisfy(g -> assertThat(g.getElementsByTagName("rect").getLength()).isEqualTo(2));
        assertThat(elements(svg, "text", "yq-axis-x")).extracting(Element::getTextContent)
                .startsWith("00", "01", "02").endsWith("22", "23").hasSize(24);
    }

    @Test
    void barsScaleToTheLargestHourOnARoundAxis() throws Exception {
        // given 80 records written at 10:00, 40 at 11:00 and 20 failed at 11:00
        long[] written = new long[24];
        long[] failed = new long[24];
        written[10] = 80;
        written[11] = 40;
        failed[11] = 20;

        // when drawn
        Document svg = parse(HourlyChart.svg(day(written, failed), SHANGHAI, LABELS));

        // then bar heights are proportional to the counts, and the axis tops at a round value at or above 80
        List<Element> writtenBars = elements(svg, "rect", "yq-bar-written");
        List<Element> failedBars = elements(svg, "rect", "yq-bar-failed");
        assertThat(height(writtenBars.get(11))).isCloseTo(height(writtenBars.get(10)) / 2, within(0.11));
        assertThat(height(failedBars.get(11))).isCloseTo(height(writtenBars.get(10)) / 4, within(0.11));
        assertThat(height(writtenBars.get(0))).isZero();
        List<String> axis = elements(svg, "text", "yq-axis-y").stream().map(Element::getTextContent).toList();
        assertThat(axis).first().isEqualTo("0");
        long top = Long.parseLong(axis.get(axis.size() - 1));
        assertThat(top).isGreaterThanOrEqualTo(80).isLessThan(160);
        assertThat(height(writtenBars.get(10))).isCloseTo(HourlyChart.PLOT_HEIGHT * 80.0 / top, within(0.11));
    }

    @Test
    void everyBarHasATooltipWithItsHourSeriesAndCount() throws Exception {
        // given 7 records failed between 09:00 and 10:00
        long[] written = new long[24];
        long[] failed = new long[24];
        failed[9] = 7;

        // when drawn
        Document svg = parse(HourlyChart.svg(day(written, failed), SHANGHAI, LABELS));

        // then that bar's tooltip names the hour, the series and the number
        Element bar = elements(svg, "rect", "yq-bar-failed").get(9);
        assertThat(bar.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("09:00–10:00 · 失败 7");
        assertThat(elements(svg, "rect", "yq-bar-written")).allSatisfy(
                r -> assertThat(r.getElementsByTagName("title").getLength()).isEqualTo(1));
    }

    @Test
    void showsALegendOfBothSeriesAndEscapesItsTexts() throws Exception {
        // given labels with characters that mean something in XML
        HourlyChart.Labels labels = new HourlyChart.Labels("Written <ok>", "Failed & refused", "Last \"24\" h");

        // when drawn
        Document svg = parse(HourlyChart.svg(day(new long[24], new long[24]), SHANGHAI, labels));

        // then the legend reads them as given, and the chart is still well-formed
        assertThat(elements(svg, "g", "yq-legend")).extracting(Element::getTextContent)
                .containsExactly("Written <ok>", "Failed & refused");
        assertThat(svg.getDocumentElement().getAttribute("aria-label")).isEqualTo("Last \"24\" h");
    }

    @Test
    void anEmptyDayDrawsFlatBarsOnAnAxisFromZero() throws Exception {
        // given no records at all
        Document svg = parse(HourlyChart.svg(day(new long[24], new long[24]), SHANGHAI, LABELS));

        // then every bar is flat and the axis still has a scale
        assertThat(elements(svg, "rect", "yq-bar-written")).allSatisfy(r -> assertThat(height(r)).isZero());
        assertThat(elements(svg, "text", "yq-axis-y")).extracting(Element::getTextContent).containsExactly("0", "1");
    }

    @Test
    void axisStepsAreRound() {
        assertThat(HourlyChart.step(3)).isEqualTo(1);
        assertThat(HourlyChart.step(37)).isEqualTo(10);
        assertThat(HourlyChart.step(80)).isEqualTo(20);
        assertThat(HourlyChart.step(1234)).isEqualTo(500);
    }
}
