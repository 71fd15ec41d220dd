package io.mocplatform.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mocplatform.devstack.gateway.JwtIssuer;
import io.mocplatform.devstack.gateway.JwtSettings;
import io.mocplatform.devstack.gateway.SigningKeys;
import io.mocplatform.fixtures.SampleDrawings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code devstack.jar} in a process of its own, stopped with SIGTERM while the processor works on a drawing, as
 * Ctrl-C stops it: the stop is quick and clean, and the abandoned job is not lost.
 */
class DevStackStopIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern READY = Pattern.compile("devstack ready (http://\\S+)");
    /** What the emulators log when they are stopped under a request still running. */
    private static final List<String> EMULATOR_ERRORS = List.of("Database is already closed", "AskTimeoutException",
            "Exception in thread");

    private static final OperatingSystemMXBean LOAD = ManagementFactory.getOperatingSystemMXBean();

    @TempDir
    Path dataDir;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void shouldStopWithinFiveSeconds_onSigterm_withAJobInFlight_andFinishTheJobAfterARestart() throws Exception {
        // Long enough that it is still being processed when the stop's grace runs out: the abandoned case.
        byte[] drawing = SampleDrawings.drawing(40).pdf();
        Launched first = launch();
        String token = new JwtIssuer(SigningKeys.inDataDir(dataDir), JwtSettings.LOCAL, Clock.systemUTC())
                .issue("stop-test", Duration.ofHours(1), Map.of());
        String jobId = submit(first.api(), token, drawing);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() ->
                status(first.api(), token, jobId).equals("processing"));

        Duration stop = first.stop();

        assertThat(first.output()).as("the stop's log").anyMatch(line -> line.contains("stopped in"))
                .anyMatch(line -> line.contains("drawing-processor: a batch was still running"))
                .noneMatch(line -> EMULATOR_ERRORS.stream().anyMatch(line::contains));
        assertThat(stop).as("SIGTERM to exit, at load average %.1f on %d CPUs", LOAD.getSystemLoadAverage(),
                LOAD.getAvailableProcessors()).isLessThan(stopBound());

        Launched second = launch();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(status(second.api(), token, jobId)).as("the job after its message came back")
                        .isEqualTo("completed"));
        Duration idleStop = second.stop();

        assertThat(second.output()).anyMatch(line -> line.contains("stopped in"))
                .noneMatch(line -> EMULATOR_ERRORS.stream().anyMatch(line::contains));
        assertThat(idleStop).isLessThan(stopBound());
    }

    /**
     * 5 s, the bar for a stop with a job in flight, on a machine that is not overloaded. The stop is mostly waiting
     * and closing, which stretches with the run queue: above two runnable tasks per CPU the bar grows in
     * proportion (at a load average of 37 on 2 CPUs a stop took 6 s; a quiet machine stops in 2-3 s).
     */
    private static Duration stopBound() {
        double perCpu = LOAD.getSystemLoadAverage() / LOAD.getAvailableProcessors();
        return Duration.ofMillis((long) (5000 * Math.max(1, perCpu / 2)));
    }

    private String submit(URI api, String token, byte[] pdf) throws Exception {
        JsonNode created = json(send(HttpRequest.newBuilder(api.resolve("/drawings"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("filename", "stop.pdf",
                        "content_type", "application/pdf", "size_bytes", pdf.length))))), 201);
        JsonNode upload = created.path("upload");
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
                .method(upload.path("method").asText("PUT"), HttpRequest.BodyPublishers.ofByteArray(pdf));
        upload.path("headers").properties().forEach(h -> {
            if (!h.getKey().equalsIgnoreCase("host") && !h.getKey().equalsIgnoreCase("content-length")) {
                put.header(h.getKey(), h.getValue().asText());
            }
        });
        assertThat(send(put).statusCode()).as("upload to the presigned URL").isEqualTo(200);
        return json(send(HttpRequest.newBuilder(api.resolve("/process-drawing"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("drawing_id",
                        created.path("drawing_id").asText()))))), 202).path("job_id").asText();
    }

    private String status(URI api, String token, String jobId) throws Exception {
        return json(send(HttpRequest.newBuilder(api.resolve("/status/" + jobId))
                .header("Authorization", "Bearer " + token).GET()), 200).path("status").asText();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(35)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response, int expected) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        return JSON.readTree(response.body());
    }

    /** {@code java -jar target/devstack.jar --port 0} on this test's data directory, once it is ready. */
    private Launched launch() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto"));
        String functions = System.getProperty("devstack.functions.dir");
        if (functions != null) {
            command.add("-Ddevstack.functions.dir=" + functions);
        }
        command.addAll(List.of("-jar", Path.of("target", "devstack.jar").toString(), "--port", "0", "--data-dir",
                dataDir.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        started.add(process);
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture<URI> ready = new CompletableFuture<>();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.add(line);
                    Matcher m = READY.matcher(line);
                    if (m.find()) {
                        ready.complete(URI.create(m.group(1)));
                    }
                }
            } catch (IOException ignored) {
                // The process ended.
            }
            ready.completeExceptionally(new IllegalStateException("devstack ended before it was ready: " + output));
        });
        return new Launched(process, reader, ready.get(180, TimeUnit.SECONDS), output);
    }

    private record Launched(Process process, Thread reader, URI api, List<String> output) {

        /** SIGTERM, then the time until the process has exited; its output is complete when this returns. */
        Duration stop() throws InterruptedException {
            long begin = System.nanoTime();
            // SIGTERM through the handle: Process.destroy() would also close our end of the output pipe, and the
            // stop's own log lines would be lost.
            process.toHandle().destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
            Duration stop = Duration.ofNanos(System.nanoTime() - begin);
            reader.join(Duration.ofSeconds(10));
            assertThat(process.exitValue()).as("exit status after SIGTERM: %s", output).isEqualTo(143);
            return stop;
        }
    }
}
