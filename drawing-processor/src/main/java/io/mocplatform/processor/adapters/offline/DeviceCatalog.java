package io.mocplatform.processor.adapters.offline;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Tag codes and what they stand for: the default security-device map, extended or overridden by the legends found
 * on the drawing. A legend entry gives its code the legend's type (the description in snake_case), also for a
 * default code: {@code CR = PROXIMITY READER} makes every CR a {@code proximity_reader}.
 */
final class DeviceCatalog {

    /** A kind of device: its type ({@code card_reader}) and how it is described. */
    record DeviceKind(String type, String description) {
    }

    static final Map<String, DeviceKind> DEFAULTS = defaults();

    private final Map<String, DeviceKind> kinds;

    private DeviceCatalog(Map<String, DeviceKind> kinds) {
        this.kinds = Map.copyOf(kinds);
    }

    /** The default map alone. */
    static DeviceCatalog defaultCatalog() {
        return new DeviceCatalog(DEFAULTS);
    }

    /** The default map with the legend's entries added, a legend entry replacing a default for its code. */
    static DeviceCatalog withLegend(Map<String, String> legend) {
        Map<String, DeviceKind> merged = new LinkedHashMap<>(DEFAULTS);
        legend.forEach((code, description) -> merged.put(code, new DeviceKind(typeOf(description), description)));
        return new DeviceCatalog(merged);
    }

    Optional<DeviceKind> kind(String code) {
        return Optional.ofNullable(kinds.get(code));
    }

    /** {@code "Card Reader"} becomes {@code card_reader}, {@code "CARD READER 13.56 MHZ"} {@code card_reader_13_56_mhz}. */
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
