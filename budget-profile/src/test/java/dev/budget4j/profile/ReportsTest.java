package dev.budget4j.profile;

import static dev.budget4j.profile.Fixtures.LAT;
import static dev.budget4j.profile.Fixtures.TP;
import static dev.budget4j.profile.Fixtures.baseline;
import static dev.budget4j.profile.Fixtures.scale;
import static dev.budget4j.profile.Fixtures.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.budget4j.Budget;
import dev.budget4j.profile.internal.JsonReader;
import dev.budget4j.profile.internal.JsonWriter;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ReportsTest {
    static GateReport report() {
        Budget budget = Budget.parse("p99<=3us alloc<=1KiB");
        return Gate.defaults().compare(
                baseline(stage("sort <fast> & \"quoted\"", LAT, TP, 64, budget), stage("hash", LAT, TP, 0, null),
                        stage("gone", LAT, TP, 0, null)),
                baseline(stage("sort <fast> & \"quoted\"", scale(LAT, 1.3), scale(TP, 0.77), 64, budget),
                        stage("hash", LAT, TP, 0, null)));
    }

    @Test
    void htmlIsWellFormedXmlWithInlineSvgAndNoExternalResources() throws Exception {
        String html = report().toHtml();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertEquals("html", doc.getDocumentElement().getLocalName());
        var svgs = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
        assertTrue(svgs.getLength() >= 4, "a percentile chart and a budget chart per compared stage, got " + svgs.getLength());
        assertTrue(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "polyline").getLength() >= 4);
        assertTrue(html.contains("99.9%"), "the nines axis is labelled");
        assertTrue(html.contains("sort &lt;fast&gt; &amp; &quot;quoted&quot;"));
        assertFalse(html.contains("http://") && html.replace("http://www.w3.org/", "").contains("http://"),
                "no external resources");
        assertFalse(html.contains("<script"));
    }

    @Test
    void markdownHasATablePerStageAndTheStatus() {
        String md = report().toMarkdown();
        assertTrue(md.startsWith("## budget4j gate: ❌ REGRESSION"), md);
        assertTrue(md.contains("| dimension | rule | baseline | current | ratio | 95% CI | status | note |"));
        assertTrue(md.contains("| p99 | p99<=1.10x |"), md);
        assertTrue(md.contains("missing from the current run"));
        assertTrue(md.contains("Absolute budget `p99<=3us alloc<=1KiB`"), md);
    }

    @Test
    void consoleAndJsonCarryTheSameVerdicts() throws Exception {
        GateReport r = report();
        String console = r.toConsoleTable();
        assertTrue(console.startsWith("budget4j gate: REGRESSION"), console);
        assertTrue(console.contains("stage 'hash': PASS"), console);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) JsonReader.parse(r.toJson());
        assertEquals("REGRESSION", json.get("status"));
        assertEquals(3, ((List<?>) json.get("stages")).size());
    }
}
