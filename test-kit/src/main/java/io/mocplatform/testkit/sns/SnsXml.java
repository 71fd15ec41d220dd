package io.mocplatform.testkit.sns;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The XML bodies of SNS's query protocol: {@code <XResponse><XResult>...</XResult><ResponseMetadata>} for
 * success and {@code <ErrorResponse><Error>} for errors, in the 2010-03-31 namespace, as the SDK's query
 * unmarshaller reads them.
 */
final class SnsXml {

    private static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";

    private SnsXml() {
    }

    /** A success response for {@code action} whose result element holds {@code resultBody} (already XML). */
    static String result(String action, String resultBody) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<" + action + "Response xmlns=\"" + NAMESPACE + "\">"
                + "<" + action + "Result>" + resultBody + "</" + action + "Result>"
                + metadata()
                + "</" + action + "Response>";
    }

    /** A success response for actions that return nothing (Unsubscribe, DeleteTopic, ...). */
    static String empty(String action) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<" + action + "Response xmlns=\"" + NAMESPACE + "\">" + metadata() + "</" + action + "Response>";
    }

    static String error(SnsError error) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error>"
                + element("Type", error.type()) + element("Code", error.code())
                + element("Message", error.getMessage())
                + "</Error>" + element("RequestId", UUID.randomUUID().toString()) + "</ErrorResponse>";
    }

    /** {@code <name>escaped value</name>}, or nothing for a null value. */
    static String element(String name, String value) {
        return value == null ? "" : "<" + name + ">" + escape(value) + "</" + name + ">";
    }

    /** A list in the query protocol's shape: {@code <name><member>...</member>...</name>}. */
    static String members(String name, List<String> memberBodies) {
        StringBuilder xml = new StringBuilder("<").append(name).append('>');
        memberBodies.forEach(body -> xml.append("<member>").append(body).append("</member>"));
        return xml.append("</").append(name).append('>').toString();
    }

    /** An attribute map in the query protocol's shape: {@code <entry><key/><value/></entry>}. */
    static String entries(String name, Map<String, String> values) {
        StringBuilder xml = new StringBuilder("<").append(name).append('>');
        values.forEach((key, value) -> xml.append("<entry>").append(element("key", key))
                .append(element("value", value)).append("</entry>"));
        return xml.append("</").append(name).append('>').toString();
    }

    private static String metadata() {
        return "<ResponseMetadata>" + element("RequestId", UUID.randomUUID().toString()) + "</ResponseMetadata>";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
