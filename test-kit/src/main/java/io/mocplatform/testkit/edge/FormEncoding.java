package io.mocplatform.testkit.edge;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Query strings and {@code application/x-www-form-urlencoded} bodies (the AWS query protocol). */
final class FormEncoding {

    private FormEncoding() {
    }

    /** Decoded names to their values, in order of appearance; a name without {@code =} has the value "". */
    static Map<String, List<String>> decode(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decodeComponent(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decodeComponent(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return Collections.unmodifiableMap(parameters);
    }

    /** A path segment: {@code %XX} decoded, {@code +} kept (it is a plus in a path, not a space). */
    static String decodePath(String encoded) {
        return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    static String decodeComponent(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }
}
