package ai.voxworks.conformance;

import ai.voxworks.conformance.Results.CaseResult;
import ai.voxworks.conformance.Results.Group;
import ai.voxworks.conformance.Results.Outcome;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code --report DIR}: JUnit XML for CI ({@value #XML}: failures as {@code <failure>}, rate-limited
 * cases as {@code <error>}, skips with their reason) and one self-contained HTML page ({@value #HTML}).
 * Every text goes through {@code redact}.
 */
final class ReportFiles {

    static final String XML = "TEST-voxworks-conformance.xml";
    static final String HTML = "voxworks-conformance.html";
    /** The order the HTML page lists cases in: what needs attention first. */
    private static final List<Outcome> SEVERITY = List.of(Outcome.FAILED, Outcome.RATE_LIMITED, Outcome.NOT_RUN,
            Outcome.SKIPPED, Outcome.PASSED);

    private final UnaryOperator<String> redact;

    ReportFiles(UnaryOperator<String> redact) {
        this.redact = redact;
    }

    /** Writes both files into {@code dir} (created if need be) and returns their paths. */
    List<Path> write(Results results, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path xml = dir.resolve(XML);
        Path html = dir.resolve(HTML);
        Files.writeString(xml, junitXml(results), StandardCharsets.UTF_8);
        Files.writeString(html, html(results), StandardCharsets.UTF_8);
        return List.of(xml, html);
    }

    String junitXml(Results results) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "voxworks-conformance");
            for (Group group : results.groups()) {
                String profile = group.profile();
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", "voxworks-conformance (" + profile + ")");
                xml.writeAttribute("tests", Integer.toString(group.cases.size()));
                xml.writeAttribute("failures", Long.toString(group.count(Outcome.FAILED)));
                xml.writeAttribute("errors", Long.toString(group.count(Outcome.RATE_LIMITED)));
                xml.writeAttribute("skipped", Long.toString(group.count(Outcome.SKIPPED)));
                xml.writeAttribute("time", seconds(group.elapsed().toMillis()));
                xml.writeAttribute("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
                xml.writeCharacters("\n    ");
                xml.writeStartElement("properties");
                for (Map.Entry<String, String> e : group.summary.entrySet()) {
                    xml.writeCharacters("\n      ");
                    xml.writeEmptyElement("property");
                    xml.writeAttribute("name", e.getKey());
                    xml.writeAttribute("value", clean(e.getValue()));
                }
                xml.writeCharacters("\n    ");
                xml.writeEndElement();
                for (CaseResult c : group.cases) {
                    xml.writeCharacters("\n    ");
                    xml.writeStartElement("testcase");
                    xml.writeAttribute("classname", "voxworks-conformance." + profile);
                    xml.writeAttribute("name", clean(c.name()));
                    xml.writeAttribute("time", seconds(c.duration().toMillis()));
                    switch (c.outcome()) {
                        case PASSED -> { }
                        case SKIPPED, NOT_RUN -> {
                            xml.writeEmptyElement("skipped");
                            xml.writeAttribute("message", clean(c.reason()));
                        }
                        case FAILED, RATE_LIMITED -> {
                            xml.writeStartElement(c.outcome() == Outcome.FAILED ? "failure" : "error");
                            xml.writeAttribute("message", clean(c.reason()));
                            xml.writeAttribute("type", c.outcome() == Outcome.FAILED ? "conformance" : "rate limited");
                            xml.writeCharacters(clean(c.details()));
                            xml.writeEndElement();
                        }
                    }
                    if (!c.notes().isEmpty()) {
                        xml.writeStartElement("system-out");
                        xml.writeCharacters(clean(String.join("\n", c.notes())));
                        xml.writeEndElement();
                    }
                    xml.writeEndElement();
                }
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the JUnit XML report", e);
        }
        return text + "\n";
    }

    String html(Results results) {
        StringBuilder out = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Voxworks conformance</title>
                <style>
                body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;padding:0 1em;color:#222}
                table{border-collapse:collapse;width:100%}td,th{padding:.3em .6em;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
                th{width:9em;color:#555;font-weight:normal}pre{background:#f6f6f6;padding:.8em;overflow-x:auto;white-space:pre-wrap}
                .PASS{color:#137333}.FAIL{color:#b3261e;font-weight:bold}.RATE{color:#a15c00;font-weight:bold}.SKIP{color:#666}.NOT{color:#a15c00}
                </style></head><body>
                """);
        for (Group group : results.groups()) {
            out.append("<h1>Voxworks conformance: ").append(escape(group.summary.get("target"))).append("</h1>\n<table>\n");
            for (Map.Entry<String, String> e : group.summary.entrySet()) {
                if (!e.getKey().equals("target")) {
                    out.append("<tr><th>").append(escape(e.getKey())).append("</th><td>").append(escape(e.getValue()))
                            .append("</td></tr>\n");
                }
            }
            out.append("</table>\n<p><strong>").append(escape(ConsoleReport.count(group).strip())).append("</strong></p>\n");
            // Failures first: a reader opens the page for them, not for the passes.
            List<CaseResult> cases = group.cases.stream().sorted(Comparator.comparingInt(c -> SEVERITY.indexOf(c.outcome())))
                    .toList();
            List<CaseResult> failed = cases.stream().filter(c -> c.outcome() == Outcome.FAILED).toList();
            List<CaseResult> limited = cases.stream().filter(c -> c.outcome() == Outcome.RATE_LIMITED).toList();
            out.append("<table>\n");
            for (CaseResult c : cases) {
                String word = ConsoleReport.word(c.outcome());
                int anchor = failed.indexOf(c) >= 0 ? failed.indexOf(c) + 1
                        : limited.contains(c) ? failed.size() + 1 : 0;
                out.append("<tr><th class=\"").append(word.split(" ")[0]).append("\">").append(word).append("</th><td>")
                        .append(anchor > 0 ? "<a href=\"#f" + anchor + "\">" + escape(c.name()) + "</a>" : escape(c.name()));
                if (!c.reason().isEmpty()) {
                    out.append("<br><small>").append(escape(c.reason())).append("</small>");
                }
                c.notes().forEach(note -> out.append("<br><small>note: ").append(escape(note)).append("</small>"));
                out.append("</td></tr>\n");
            }
            out.append("</table>\n");
            int n = 0;
            for (CaseResult c : failed) {
                out.append("<h2 id=\"f").append(++n).append("\">FAIL: ").append(escape(c.name())).append("</h2>\n<pre>")
                        .append(escape(c.details())).append("</pre>\n");
            }
            if (!limited.isEmpty()) {
                // They all say the same (the server refused before the case could check anything): the first in full.
                out.append("<h2 id=\"f").append(++n).append("\">RATE LIMITED (").append(limited.size())
                        .append("): these cases checked nothing. The first: ").append(escape(limited.get(0).name()))
                        .append("</h2>\n<pre>").append(escape(limited.get(0).details())).append("</pre>\n");
            }
        }
        return out.append("</body></html>\n").toString();
    }

    private static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** Redacted, without the control characters XML 1.0 cannot hold. */
    private String clean(String text) {
        return redact.apply(text == null ? "" : text).replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "?");
    }

    private String escape(String text) {
        return clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
