package io.mocplatform.processor.adapters.offline;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Tag prefixes and what they stand for: the default security-device map, extended or overridden by the legend
 * found on the drawing. Builds the tag pattern {@code PREFIX[-]?\d{1,4}[A-Z]?} over the known prefixes.
 */
final class DeviceCatalog {

    /** A kind of device: its type ({@code card_reader}) and how it is described. */
    record DeviceKind(String type, String description) {
    }

    static final Map<String, DeviceKind> DEFAULTS = defaults();

    private final Map<String, DeviceKind> kinds;
    private final Pattern tagPattern;

    private DeviceCatalog(Map<String, DeviceKind> kinds) {
        this.kinds = Map.copyOf(kinds);
        // Longest prefix first, so "CAM" wins over a shorter prefix it happens to start with.
        String alternatives = kinds.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()
                .thenComparing(Comparator.naturalOrder())).map(Pattern::quote).collect(Collectors.joining("|"));
        this.tagPattern = Pattern.compile("(?<![A-Za-z0-9])(" + alternatives + ")-?(\\d{1,4})([A-Z]?)(?![A-Za-z0-9])");
    }

    /** The default map alone. */
    static DeviceCatalog defaultCatalog() {
        return new DeviceCatalog(DEFAULTS);
    }

    /** The default map with the legend's entries added, a legend entry replacing a default for its prefix. */
    static DeviceCatalog withLegend(Map<String, String> legend) {
        Map<String, DeviceKind> merged = new LinkedHashMap<>(DEFAULTS);
        legend.forEach((prefix, description) -> merged.put(prefix, new DeviceKind(typeOf(description), description)));
        return new DeviceCatalog(merged);
    }

    Pattern tagPattern() {
        return tagPattern;
    }

    Optional<DeviceKind> kind(String prefix) {
        return Optional.ofNullable(kinds.get(prefix));
    }

    /** {@code "Card Reader"} becomes {@code card_reader}. */
    static String typeOf(String description) {
        return description.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    private static Map<String, DeviceKind> defaults() {
        Map<String, DeviceKind> map = new LinkedHashMap<>();
        map.put("CR", new DeviceKind("card_reader", "Card reader"));
        map.put("DC", new DeviceKind("door_contact", "Door contact"));
        map.put("REX", new DeviceKind("request_to_exit", "Request to exit"));
        map.put("EM", new DeviceKind("magnetic_lock", "Electromagnetic lock"));
        map.put("ML", new DeviceKind("magnetic_lock", "Magnetic lock"));
        map.put("CAM", new DeviceKind("camera", "Camera"));
        map.put("PIR", new DeviceKind("motion_detector", "Motion detector"));
        map.put("KP", new DeviceKind("keypad", "Keypad"));
        map.put("BG", new DeviceKind("break_glass", "Break glass"));
        map.put("IC", new DeviceKind("intercom", "Intercom"));
        return Map.copyOf(map);
    }
}
