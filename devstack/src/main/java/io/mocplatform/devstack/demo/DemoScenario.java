package io.mocplatform.devstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.mocplatform.fixtures.SampleImages;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The walk through the system an API client would take: an image upload, a drawing upload and its processing to
 * a component schedule, a request without a token, and a poison message that ends up as an on-call alert. Each
 * step checks what the client sees; a step whose prerequisite failed is skipped and counts as a failure.
 */
public final class DemoScenario {

    /** How long a drawing may take from submission to {@code completed}. */
    static final Duration JOB_DEADLINE = Duration.ofSeconds(90);
    /** The bar: a poison message reaches the DLQ and its alert within a minute. */
    static final Duration ALERT_DEADLINE = Duration.ofSeconds(60);

    private final ApiClient api;
    private final Consumer<String> sendToJobsQueue;
    private final Path alertFile;
    private final List<Step> steps = new ArrayList<>();
    private final Map<String, String> state = new LinkedHashMap<>();
    private final Consumer<String> progress;
    private final DemoDrawing drawing;

    /**
     * @param apiBase         the API's base URL
     * @param token           a bearer token the API accepts
     * @param sendToJobsQueue sends a raw message body to the drawing-jobs queue (as a broken producer would)
     * @param alertFile       {@code sns-messages.jsonl} of the stack
     * @param drawing         the drawing to process
     * @param progress        told about each step as it finishes
     */
    public DemoScenario(URI apiBase, String token, Consumer<String> sendToJobsQueue, Path alertFile,
                        DemoDrawing drawing, Consumer<String> progress) {
        this.drawing = Objects.requireNonNull(drawing);
        this.api = new ApiClient(apiBase, token);
        this.sendToJobsQueue = Objects.requireNonNull(sendToJobsQueue);
        this.alertFile = Objects.requireNonNull(alertFile);
        this.progress = Objects.requireNonNull(progress);
    }

    /** Runs every step in order. */
    public Report run() {
        byte[] png = SampleImages.png();
        byte[] pdf = drawing.pdf();

        step("image: request an upload (POST /images)", null, () -> {
            ApiClient.Answer answer = api.post("/images", Map.of("filename", "red-brick.png",
                    "content_type", "image/png", "size_bytes", png.length, "title", "Red 2x4"));
            expect(answer, 201);
            JsonNode body = answer.json();
            state.put("image_id", required(body, "image_id"));
            uploadTarget(body.path("upload"), "image");
            return "image_id=" + state.get("image_id");
        });
        step("image: upload to the presigned URL", "image_id", () -> upload("image", "image/png", png));
        step("image: complete the upload (POST /images/{id}/complete)", "image_uploaded", () -> {
            ApiClient.Answer answer = api.post("/images/" + state.get("image_id") + "/complete", Map.of());
            expect(answer, 200);
            String status = answer.json().path("status").asText();
            if (!"active".equals(status)) {
                throw new StepFailure("status " + status + ", expected active");
            }
            state.put("image_active", "true");
            return "status=active, " + answer.json().path("width").asText("?") + "x"
                    + answer.json().path("height").asText("?");
        });
        step("image: read it back (GET /images/{id})", "image_active", () -> {
            ApiClient.Answer answer = api.get("/images/" + state.get("image_id"));
            expect(answer, 200);
            return "ETag " + answer.headers().firstValue("ETag").orElse("(none)");
        });

        step("drawing: request an upload (POST /drawings)", null, () -> {
            ApiClient.Answer answer = api.post("/drawings", Map.of("filename", "ground-floor.pdf",
                    "content_type", "application/pdf", "size_bytes", pdf.length));
            expect(answer, 201);
            JsonNode body = answer.json();
            state.put("drawing_id", required(body, "drawing_id"));
            uploadTarget(body.path("upload"), "drawing");
            return "drawing_id=" + state.get("drawing_id") + " (" + drawing.source() + ", " + pdf.length
                    + " bytes)";
        });
        step("drawing: upload the PDF to the presigned URL", "drawing_id",
                () -> upload("drawing", "application/pdf", pdf));
        step("job: submit (POST /process-drawing)", "drawing_uploaded", () -> {
            ApiClient.Answer answer = api.post("/process-drawing", Map.of("drawing_id", state.get("drawing_id")));
            expect(answer, 202);
            state.put("job_id", required(answer.json(), "job_id"));
            return "job_id=" + state.get("job_id") + ", status=" + answer.json().path("status").asText();
        });
        step("job: poll GET /status/{id} until completed", "job_id", () -> {
            long deadline = System.nanoTime() + JOB_DEADLINE.toNanos();
            List<String> seen = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                ApiClient.Answer answer = api.get("/status/" + state.get("job_id"));
                expect(answer, 200);
                JsonNode job = answer.json();
                String status = job.path("status").asText();
                String stage = job.path("current_stage").asText("");
                String label = stage.isEmpty() ? status : status + "/" + stage;
                if (seen.isEmpty() || !seen.getLast().equals(label)) {
                    seen.add(label);
                }
                if ("completed".equals(status)) {
                    String url = job.path("result").path("download_url").asText("");
                    if (url.isEmpty()) {
                        throw new StepFailure("completed without result.download_url");
                    }
                    state.put("download_url", url);
                    return String.join(" -> ", seen);
                }
                if ("failed".equals(status) || "cancelled".equals(status)) {
                    throw new StepFailure(String.join(" -> ", seen) + ": " + job.path("error"));
                }
                pause(Duration.ofMillis(250));
            }
            throw new StepFailure("not completed after " + JOB_DEADLINE.toSeconds() + " s: " + String.join(" -> ", seen));
        });
        step("schedule: download result.download_url", "download_url", () -> {
            ApiClient.Answer answer = api.presigned("GET", state.get("download_url"), Map.of(), null);
            expect(answer, 200);
            List<String> rows = ScheduleRows.of(answer.text());
            state.put("schedule", String.join("\n", rows));
            List<String> missing = drawing.expectedTags().stream().filter(tag -> !answer.text().contains(tag))
                    .sorted().toList();
            if (rows.isEmpty()) {
                throw new StepFailure("the schedule is empty");
            }
            return rows.size() + " rows, " + (drawing.expectedTags().size() - missing.size()) + " of "
                    + drawing.expectedTags().size() + " device tags of the drawing found"
                    + (missing.isEmpty() ? "" : " (missing " + String.join(", ", missing) + ")");
        });
        step("auth: a request without a token is refused (401)", null, () -> {
            ApiClient.Answer answer = api.getWithoutToken("/jobs");
            expect(answer, 401);
            return answer.error() + ", www-authenticate: " + answer.headers().firstValue("www-authenticate")
                    .orElse("(none)");
        });
        step("poison: send a message that is not JSON to the jobs queue", null, () -> {
            state.put("alerts_before", Long.toString(alertLines().size()));
            sendToJobsQueue.accept("this is not a drawing job {");
            state.put("poison_sent", Long.toString(System.nanoTime()));
            return "the processor must fail it; after 3 receives the queue dead-letters it";
        });
        step("poison: dead-letter alert published on SNS", "poison_sent", () -> {
            long sent = Long.parseLong(state.get("poison_sent"));
            int before = Integer.parseInt(state.get("alerts_before"));
            while (System.nanoTime() - sent < ALERT_DEADLINE.toNanos()) {
                List<String> lines = alertLines();
                if (lines.size() > before) {
                    long seconds = Duration.ofNanos(System.nanoTime() - sent).toSeconds();
                    return "alert after " + seconds + " s in " + alertFile.getFileName();
                }
                pause(Duration.ofMillis(500));
            }
            throw new StepFailure("no alert within " + ALERT_DEADLINE.toSeconds() + " s");
        });
        Map<String, String> ids = new LinkedHashMap<>();
        for (String key : List.of("image_id", "drawing_id", "job_id")) {
            if (state.containsKey(key)) {
                ids.put(key, state.get(key));
            }
        }
        return new Report(List.copyOf(steps), Optional.ofNullable(state.get("schedule")).orElse(""), ids);
    }

    private void uploadTarget(JsonNode upload, String what) {
        state.put(what + ".method", upload.path("method").asText("PUT"));
        state.put(what + ".url", required(upload, "url"));
        Map<String, String> headers = new LinkedHashMap<>();
        upload.path("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
        Map<String, String> fields = new LinkedHashMap<>();
        upload.path("fields").properties().forEach(e -> fields.put(e.getKey(), e.getValue().asText()));
        state.put(what + ".headers", encode(headers));
        state.put(what + ".fields", encode(fields));
    }

    private String upload(String what, String contentType, byte[] bytes) {
        String method = state.get(what + ".method");
        String url = state.get(what + ".url");
        Map<String, String> fields = decode(state.get(what + ".fields"));
        ApiClient.Answer answer;
        if ("POST".equalsIgnoreCase(method) && !fields.isEmpty()) {
            answer = api.presignedForm(url, fields, contentType, bytes);
        } else {
            // Header names compare without case: a second Content-Type would break the signature.
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(decode(state.get(what + ".headers")));
            headers.putIfAbsent("Content-Type", contentType);
            answer = api.presigned(method, url, headers, bytes);
        }
        if (answer.status() / 100 != 2) {
            throw new StepFailure(method + " to the presigned URL answered " + answer.status() + ": "
                    + abbreviate(answer.text()));
        }
        state.put(what + "_uploaded", "true");
        return bytes.length + " bytes, " + method + " " + answer.status();
    }

    private List<String> alertLines() {
        try {
            return Files.exists(alertFile) ? Files.readAllLines(alertFile, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    private void step(String name, String requires, StepBody body) {
        long begin = System.nanoTime();
        Step step;
        if (requires != null && !state.containsKey(requires)) {
            step = new Step(name, Step.Outcome.SKIPPED, Duration.ZERO, "an earlier step failed");
        } else {
            try {
                String detail = body.run();
                step = new Step(name, Step.Outcome.PASSED, Duration.ofNanos(System.nanoTime() - begin), detail);
            } catch (StepFailure e) {
                step = new Step(name, Step.Outcome.FAILED, Duration.ofNanos(System.nanoTime() - begin),
                        e.getMessage());
            } catch (RuntimeException e) {
                step = new Step(name, Step.Outcome.FAILED, Duration.ofNanos(System.nanoTime() - begin),
                        e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        steps.add(step);
        progress.accept(step.line());
    }

    private static void expect(ApiClient.Answer answer, int status) {
        if (answer.status() != status) {
            throw new StepFailure("HTTP " + answer.status() + " (expected " + status + "): "
                    + abbreviate(answer.error()));
        }
    }

    private static String required(JsonNode node, String field) {
        String value = node.path(field).asText("");
        if (value.isEmpty()) {
            throw new StepFailure("response has no " + field + ": " + abbreviate(node.toString()));
        }
        return value;
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailure("interrupted");
        }
    }

    private static String encode(Map<String, String> map) {
        StringBuilder out = new StringBuilder();
        map.forEach((k, v) -> out.append(k).append('\u0000').append(v).append('\u0001'));
        return out.toString();
    }

    private static Map<String, String> decode(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return map;
        }
        for (String entry : text.split("\u0001")) {
            String[] kv = entry.split("\u0000", 2);
            map.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        return map;
    }

    @FunctionalInterface
    private interface StepBody {
        String run();
    }

    /** A check that did not hold. */
    private static final class StepFailure extends RuntimeException {
        StepFailure(String message) {
            super(message);
        }
    }

    /**
     * One step's outcome.
     *
     * @param name     what the step does
     * @param outcome  passed, failed or skipped
     * @param duration how long it took
     * @param detail   what was seen
     */
    public record Step(String name, Outcome outcome, Duration duration, String detail) {

        /** How a step ended. */
        public enum Outcome { PASSED, FAILED, SKIPPED }

        public String line() {
            String mark = switch (outcome) {
                case PASSED -> "\u2713";
                case FAILED -> "\u2717";
                case SKIPPED -> "-";
            };
            return "%s %-58s %6d ms  %s".formatted(mark, name, duration.toMillis(), detail == null ? "" : detail);
        }
    }

    /**
     * The scenario's result.
     *
     * @param steps    every step, in order
     * @param schedule the downloaded schedule's rows, one per line
     * @param ids      ids of what the scenario created ({@code image_id}, {@code drawing_id}, {@code job_id})
     */
    public record Report(List<Step> steps, String schedule, Map<String, String> ids) {

        public boolean passed() {
            return !steps.isEmpty() && steps.stream().allMatch(s -> s.outcome() == Step.Outcome.PASSED);
        }

        public Optional<Step> step(String prefix) {
            return steps.stream().filter(s -> s.name().startsWith(prefix)).findFirst();
        }

        public String summary() {
            StringBuilder out = new StringBuilder("demo summary\n");
            steps.forEach(s -> out.append("  ").append(s.line()).append('\n'));
            if (!schedule.isEmpty()) {
                out.append("\ncomponent schedule\n");
                schedule.lines().forEach(l -> out.append("  ").append(l).append('\n'));
            }
            long passed = steps.stream().filter(s -> s.outcome() == Step.Outcome.PASSED).count();
            out.append("\n").append(passed).append(" of ").append(steps.size()).append(" steps passed: ")
                    .append(passed() ? "OK" : "FAILED");
            return out.toString();
        }
    }
}
