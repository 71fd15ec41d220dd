package io.mocplatform.devstack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mocplatform.devstack.DevStack;
import io.mocplatform.devstack.Stack;
import io.mocplatform.devstack.StackOptions;
import io.mocplatform.devstack.console.Console;
import io.mocplatform.devstack.demo.DemoDrawing;
import io.mocplatform.fixtures.SampleImages;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobStatus;
import io.mocplatform.jobstore.dynamodb.JobTable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The two devstack targets (warm API p99 < 20 ms at 50 req/s, enqueue to processing start p95 < 1 s), on a fresh stack started in a temporary directory exactly as
 * {@code devstack.jar} starts it (the four functions from their Lambda zips, the emulators, the HTTP front):
 * <ol>
 *   <li>warm API end to end: an open-loop constant rate (50 req/s) of {@code GET /status/{job_id}} (job-api) and
 *   {@code GET /images/{id}} (image-api) through the front (JWT check, payload 2.0 event, function, DynamoDB
 *   Local), against the same load on the front's JWKS document, which no function and no table serves: the ratio
 *   is what the function path adds to the loopback HTTP round trip. Phases rotate in rounds so machine noise
 *   spreads over all three;</li>
 *   <li>enqueue to processing start: drawings submitted one at a time to an idle processor, the interval taken
 *   from the job row: {@code created_at} (written by job-api before the message is sent) to {@code started_at}
 *   (set by the processor's {@code queued → processing} write and kept by every later write).</li>
 * </ol>
 * Not a test, and nothing here asserts a time. Run with
 * <pre>./mvnw -B -q -o -pl devstack -Pbench test-compile exec:exec</pre>
 * (properties: {@code -Dbench.rate=50 -Dbench.seconds=30 -Dbench.warmup.seconds=10 -Dbench.rounds=3
 * -Dbench.drawings=20}). The stack's own log goes to {@code stack.log} in the temporary directory.
 */
public final class DevstackLoadBench {

    private static final Duration JOB_POLL = Duration.ofMillis(20);
    private static final int SEQUENTIAL = 200;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private DevstackLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        int rate = Integer.getInteger("bench.rate", 50);
        Duration measured = Duration.ofSeconds(Integer.getInteger("bench.seconds", 30));
        Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup.seconds", 10));
        int rounds = Integer.getInteger("bench.rounds", 3);
        int drawings = Integer.getInteger("bench.drawings", 20);

        PrintStream report = System.out;
        Path dataDir = Files.createTempDirectory("devstack-bench-");
        Path log = dataDir.resolve("stack.log");
        // The stack prints a line per request and the functions log to standard output: to a file, so the report
        // stays readable; the stack still does all of that work.
        PrintStream stackOut = new PrintStream(new FileOutputStream(log.toFile()), false);
        System.setOut(stackOut);
        Console console = DevStack.console(false);
        int status = 0;
        try (Stack stack = Stack.start(StackOptions.defaults().withPort(0).withDataDir(dataDir), console)) {
            report.printf(Locale.ROOT, "devstack bench: stack started in %d ms, load average %s, java %s, %d CPUs%n",
                    stack.startupTime().toMillis(), loadAverage(), Runtime.version(),
                    Runtime.getRuntime().availableProcessors());
            if (!stack.unavailableFunctions().isEmpty()) {
                report.println("functions that did not start: " + stack.unavailableFunctions());
                status = 1;
            } else {
                Client client = new Client(stack.apiBaseUrl(),
                        stack.tokens().issue("bench-user", Duration.ofHours(2), Map.of()));
                Seed seed = seed(client, stack);
                report.printf(Locale.ROOT, "seeded image %s (active) and job %s (completed)%n", seed.imageId(),
                        seed.jobId());
                apiLoad(report, client, seed, rate, warmup, measured, rounds);
                enforcementCost(report, client, stack, seed);
                enqueueToStart(report, client, stack, seed.drawingId(), drawings);
                report.printf(Locale.ROOT, "load average at the end: %s; stack log: %s%n", loadAverage(), log);
            }
        } catch (RuntimeException e) {
            report.println("bench failed: " + e);
            e.printStackTrace(report);
            status = 1;
        } finally {
            stackOut.flush();
        }
        // Emulator thread pools (Pekko, Jetty) are not all daemons.
        System.exit(status);
    }

    private record Seed(String imageId, String drawingId, String jobId) {
    }

    /** An active image and a completed job, made through the API as a client would. */
    private static Seed seed(Client client, Stack stack) {
        byte[] png = SampleImages.png();
        JsonNode image = client.expect(client.post("/images", Map.of("filename", "bench.png",
                "content_type", "image/png", "size_bytes", png.length)), 201);
        client.upload(image.path("upload"), "image/png", png);
        String imageId = image.path("image_id").asText();
        client.expect(client.post("/images/" + imageId + "/complete", Map.of()), 200);

        byte[] pdf = DemoDrawing.sample().pdf();
        JsonNode drawing = client.expect(client.post("/drawings", Map.of("filename", "bench.pdf",
                "content_type", "application/pdf", "size_bytes", pdf.length)), 201);
        client.upload(drawing.path("upload"), "application/pdf", pdf);
        String drawingId = drawing.path("drawing_id").asText();
        String jobId = client.expect(client.post("/process-drawing", Map.of("drawing_id", drawingId)), 202)
                .path("job_id").asText();
        // Also the processor's first, colder run, kept out of the enqueue-to-start figures.
        Job done = waitFor(jobs(stack), jobId, j -> j.status().isTerminal(), Duration.ofSeconds(120));
        if (done.status() != JobStatus.COMPLETED) {
            throw new IllegalStateException("the seed job ended " + done.status() + ": " + done.error());
        }
        return new Seed(imageId, drawingId, jobId);
    }

    private static void apiLoad(PrintStream report, Client client, Seed seed, int rate, Duration warmup,
                                Duration measured, int rounds) {
        Map<String, HttpRequest> targets = new LinkedHashMap<>();
        targets.put("JWKS (front only, baseline)", client.request("/.well-known/jwks.json", false));
        targets.put("GET /status/{job_id}", client.request("/status/" + seed.jobId(), true));
        targets.put("GET /images/{id}", client.request("/images/" + seed.imageId(), true));
        OpenLoopLoad load = new OpenLoopLoad(client.http);

        for (HttpRequest request : targets.values()) {
            load.run(request, 200, rate, warmup);
        }
        report.printf(Locale.ROOT, "%nservice time: one request at a time, %d each%n", SEQUENTIAL);
        printHeader(report);
        Map<String, OpenLoopLoad.Sample> alone = new LinkedHashMap<>();
        targets.forEach((name, request) -> alone.put(name, load.sequential(request, 200, SEQUENTIAL)));
        printSamples(report, alone);

        Map<String, OpenLoopLoad.Sample> samples = new LinkedHashMap<>();
        targets.keySet().forEach(name -> samples.put(name, OpenLoopLoad.Sample.empty()));
        List<String> order = new ArrayList<>(targets.keySet());
        Duration slice = measured.dividedBy(rounds);
        for (int round = 0; round < rounds; round++) {
            for (String name : order) {
                samples.put(name, samples.get(name).plus(load.run(targets.get(name), 200, rate, slice)));
            }
            // Each target goes first once: the first slice of a round follows a switch of function.
            order.addLast(order.removeFirst());
        }

        report.printf(Locale.ROOT, "%nwarm API end to end: open loop, %d req/s per target, %d s each after %d s of"
                        + " warm-up, in %d rounds; latency from each request's due time%n", rate,
                measured.toSeconds(), warmup.toSeconds(), rounds);
        printHeader(report);
        printSamples(report, samples);
    }

    /**
     * What least-privilege enforcement costs on the warm path: the same requests, one at a time, alternating in
     * rounds between the edge judging each function's AWS calls (signature, then role policy) and the edge passing
     * them unjudged. Only the IAM filters differ; the hop through the edge is in both.
     */
    private static void enforcementCost(PrintStream report, Client client, Stack stack, Seed seed) {
        Map<String, HttpRequest> targets = new LinkedHashMap<>();
        targets.put("GET /status/{job_id}", client.request("/status/" + seed.jobId(), true));
        targets.put("GET /images/{id}", client.request("/images/" + seed.imageId(), true));
        OpenLoopLoad load = new OpenLoopLoad(client.http);
        Map<String, OpenLoopLoad.Sample> samples = new LinkedHashMap<>();
        int rounds = 10;
        try {
            for (int round = 0; round < rounds; round++) {
                for (boolean enforced : round % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
                    stack.aws().edge().ownFilters(enforced);
                    targets.forEach((name, request) -> samples.merge(name + (enforced ? " (IAM on)" : " (IAM off)"),
                            load.sequential(request, 200, SEQUENTIAL / 4), OpenLoopLoad.Sample::plus));
                }
            }
        } finally {
            stack.aws().edge().ownFilters(true);
        }
        report.printf(Locale.ROOT, "%nenforcement cost: one request at a time, %d rounds of %d, IAM filters off and on"
                + " alternately; ratio = on / off%n", rounds, SEQUENTIAL / 4);
        report.printf(Locale.ROOT, "  %-28s %8s %8s %8s %8s   %s%n", "target", "off p50", "on p50", "off p90",
                "on p90", "p50 / p90 on vs off");
        targets.keySet().forEach(name -> {
            OpenLoopLoad.Sample off = samples.get(name + " (IAM off)");
            OpenLoopLoad.Sample on = samples.get(name + " (IAM on)");
            report.printf(Locale.ROOT, "  %-28s %8.2f %8.2f %8.2f %8.2f   %.3fx / %.3fx%n", name,
                    off.percentileMillis(50), on.percentileMillis(50), off.percentileMillis(90),
                    on.percentileMillis(90), on.percentileMillis(50) / off.percentileMillis(50),
                    on.percentileMillis(90) / off.percentileMillis(90));
        });
    }

    private static void printHeader(PrintStream report) {
        report.printf(Locale.ROOT, "  %-28s %6s %6s %8s %8s %8s %8s   %s%n", "target", "n", "errors", "p50 ms",
                "p95 ms", "p99 ms", "max ms", "p50 / p99 vs baseline");
    }

    /** One line per target; the first is the baseline. */
    private static void printSamples(PrintStream report, Map<String, OpenLoopLoad.Sample> samples) {
        OpenLoopLoad.Sample baseline = samples.values().iterator().next();
        samples.forEach((name, sample) -> report.printf(Locale.ROOT,
                "  %-28s %6d %6d %8.2f %8.2f %8.2f %8.2f   %.2fx / %.2fx%s%n", name, sample.count(), sample.errors(),
                sample.percentileMillis(50), sample.percentileMillis(95), sample.percentileMillis(99),
                sample.maxMillis(), sample.percentileMillis(50) / baseline.percentileMillis(50),
                sample.percentileMillis(99) / baseline.percentileMillis(99),
                sample.errors() == 0 ? "" : "  (" + sample.errorSamples() + ")"));
    }

    /**
     * Submits drawings one at a time, each once the previous job has finished and after a random pause (so
     * submissions do not line up with anything periodic in the poller), and reads the interval from the rows.
     * {@code started_at} is read from the finished row; rows also caught between the start and validation's first
     * write still have {@code updated_at == started_at}, which cross-checks that it was not rewritten later.
     */
    private static void enqueueToStart(PrintStream report, Client client, Stack stack, String drawingId, int count) {
        DynamoDbTable<Job> jobs = jobs(stack);
        Random pauses = new Random(7);
        List<Long> toStart = new ArrayList<>();
        List<Long> toEnd = new ArrayList<>();
        int crossChecked = 0;
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String jobId = client.expect(client.post("/process-drawing", Map.of("drawing_id", drawingId)), 202)
                    .path("job_id").asText();
            Job seen = waitFor(jobs, jobId, j -> j.status() != JobStatus.QUEUED, Duration.ofSeconds(60));
            Job done = seen.status().isTerminal() ? seen
                    : waitFor(jobs, jobId, j -> j.status().isTerminal(), Duration.ofSeconds(120));
            if (done.status() != JobStatus.COMPLETED) {
                problems.add(jobId + " ended " + done.status().wireName());
            }
            Instant started = done.startedAt();
            if (started == null) {
                problems.add(jobId + ": no started_at on the " + done.status().wireName() + " row");
            } else {
                if (isFirstProcessingWrite(seen)) {
                    if (!started.equals(seen.updatedAt())) {
                        problems.add(jobId + ": started_at " + started + " but the first processing write had"
                                + " updated_at " + seen.updatedAt());
                    }
                    crossChecked++;
                }
                if (started.isBefore(done.createdAt()) || started.isAfter(done.updatedAt())) {
                    problems.add(jobId + ": started_at " + started + " outside created_at " + done.createdAt()
                            + " .. updated_at " + done.updatedAt());
                }
                toStart.add(Duration.between(done.createdAt(), started).toMillis());
            }
            toEnd.add(Duration.between(done.createdAt(), done.updatedAt()).toMillis());
            sleep(Duration.ofMillis(300 + pauses.nextInt(500)));
        }
        report.printf(Locale.ROOT, "%nenqueue to processing start: %d drawings (%s, %d bytes) one at a time to an idle"
                        + " processor; job row created_at -> started_at (%d rows also cross-checked against the"
                        + " updated_at of the first processing write)%n", count,
                "SampleDrawings.drawing(4)", DemoDrawing.sample().pdf().length, crossChecked);
        report.printf(Locale.ROOT, "  %-28s %6s %8s %8s %8s %8s%n", "interval", "n", "p50 ms", "p95 ms", "max ms",
                "min ms");
        printMillis(report, "created_at -> processing", toStart);
        printMillis(report, "created_at -> completed", toEnd);
        problems.forEach(p -> report.println("  ! " + p));
    }

    /**
     * The row as the {@code queued → processing} write left it: validation has not yet recorded the page count
     * (its own write moves {@code updated_at} on before any stage is completed).
     */
    private static boolean isFirstProcessingWrite(Job seen) {
        return seen.status() == JobStatus.PROCESSING && seen.stagesCompleted().isEmpty()
                && seen.progress().pagesTotal() == 0;
    }

    private static void printMillis(PrintStream report, String name, List<Long> values) {
        if (values.isEmpty()) {
            report.printf(Locale.ROOT, "  %-28s %6d%n", name, 0);
            return;
        }
        List<Long> sorted = values.stream().sorted().toList();
        report.printf(Locale.ROOT, "  %-28s %6d %8d %8d %8d %8d%n", name, sorted.size(), rank(sorted, 50),
                rank(sorted, 95), sorted.getLast(), sorted.getFirst());
    }

    private static long rank(List<Long> sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static DynamoDbTable<Job> jobs(Stack stack) {
        return stack.aws().clients().dynamoDbEnhanced().table(stack.environment().resources().jobsTable(),
                JobTable.SCHEMA);
    }

    private static Job waitFor(DynamoDbTable<Job> jobs, String jobId, java.util.function.Predicate<Job> condition,
                               Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        Job job = null;
        while (System.nanoTime() < deadline) {
            job = jobs.getItem(r -> r.key(k -> k.partitionValue(jobId)).consistentRead(true));
            if (job != null && condition.test(job)) {
                return job;
            }
            sleep(JOB_POLL);
        }
        throw new IllegalStateException("job " + jobId + " not there after " + limit + ": " + job);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** What an API client sends: JSON with a bearer token; uploads to presigned URLs. */
    private static final class Client {
        // HTTP/1.1 as the front speaks it; the default would try an h2c upgrade on every new connection.
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final URI base;
        private final String token;

        Client(URI base, String token) {
            this.base = base;
            this.token = token;
        }

        HttpRequest request(String path, boolean authorized) {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT).GET();
            if (authorized) {
                request.header("Authorization", "Bearer " + token);
            }
            return request.build();
        }

        HttpResponse<byte[]> post(String path, Map<String, ?> body) {
            try {
                return send(HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT)
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A PUT to the presigned URL with the signed headers. */
        void upload(JsonNode upload, String contentType, byte[] bytes) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
                    .timeout(REQUEST_TIMEOUT)
                    .method(upload.path("method").asText("PUT"), HttpRequest.BodyPublishers.ofByteArray(bytes));
            boolean typed = false;
            for (var header : upload.path("headers").properties()) {
                String name = header.getKey();
                if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                    request.header(name, header.getValue().asText());
                    typed |= name.equalsIgnoreCase("content-type");
                }
            }
            if (!typed) {
                request.header("Content-Type", contentType);
            }
            HttpResponse<byte[]> response = send(request.build());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("upload answered " + response.statusCode() + ": "
                        + new String(response.body()));
            }
        }

        JsonNode expect(HttpResponse<byte[]> response, int status) {
            if (response.statusCode() != status) {
                throw new IllegalStateException(response.request().method() + " " + response.request().uri()
                        + " answered " + response.statusCode() + " (expected " + status + "): "
                        + new String(response.body()));
            }
            try {
                return response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private HttpResponse<byte[]> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
