package io.mocplatform.devstack.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A constant request rate that does not slow down when the server does. Request {@code i} is due at
 * {@code start + i / rate}; it is sent on its own virtual thread at that moment whether or not earlier requests
 * have been answered, and its latency is measured from when it was due, not from when it was sent. A stall
 * therefore shows up in every request that should have been sent during it (no coordinated omission), as a client
 * population arriving at that rate would see it.
 */
final class OpenLoopLoad {

    private final HttpClient http;

    OpenLoopLoad(HttpClient http) {
        this.http = http;
    }

    /** Sends {@code request} at {@code ratePerSecond} for {@code duration}, expecting {@code expectedStatus}. */
    Sample run(HttpRequest request, int expectedStatus, int ratePerSecond, Duration duration) {
        long period = 1_000_000_000L / ratePerSecond;
        int count = (int) (duration.toNanos() / period);
        long[] latencies = new long[count];
        AtomicInteger errors = new AtomicInteger();
        ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
        // A little ahead, so the first request is not already late when the loop starts.
        long start = System.nanoTime() + Duration.ofMillis(5).toNanos();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                long due = start + i * period;
                parkUntil(due);
                int index = i;
                senders.execute(() -> {
                    String problem = null;
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != expectedStatus) {
                            problem = "HTTP " + response.statusCode();
                        }
                    } catch (Exception e) {
                        problem = e.getClass().getSimpleName() + ": " + e.getMessage();
                        if (e instanceof InterruptedException) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    // Failed requests keep their latency too: a timeout is a very slow answer, not a missing one.
                    latencies[index] = System.nanoTime() - due;
                    if (problem != null) {
                        errors.incrementAndGet();
                        if (errorSamples.size() < 5) {
                            errorSamples.add(problem);
                        }
                    }
                });
            }
        }
        return new Sample(latencies, errors.get(), String.join("; ", errorSamples));
    }

    /**
     * The same request {@code count} times, each sent when the previous one is answered: the service time of one
     * request with nothing queued ahead of it, to compare with the latency at a given rate.
     */
    Sample sequential(HttpRequest request, int expectedStatus, int count) {
        long[] latencies = new long[count];
        int errors = 0;
        String errorSample = "";
        for (int i = 0; i < count; i++) {
            long begin = System.nanoTime();
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != expectedStatus) {
                    errors++;
                    errorSample = "HTTP " + response.statusCode();
                }
            } catch (Exception e) {
                errors++;
                errorSample = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            latencies[i] = System.nanoTime() - begin;
        }
        return new Sample(latencies, errors, errorSample);
    }

    private static void parkUntil(long deadline) {
        for (long wait = deadline - System.nanoTime(); wait > 0; wait = deadline - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }

    /**
     * Latencies of one run (nanoseconds, from each request's due time to its answer).
     *
     * @param latencies    one per request
     * @param errors       requests that failed or answered another status
     * @param errorSamples a few of the failures
     */
    record Sample(long[] latencies, int errors, String errorSamples) {

        /** This sample followed by {@code other}. */
        Sample plus(Sample other) {
            long[] all = Arrays.copyOf(latencies, latencies.length + other.latencies.length);
            System.arraycopy(other.latencies, 0, all, latencies.length, other.latencies.length);
            String samples = errorSamples.isEmpty() ? other.errorSamples
                    : other.errorSamples.isEmpty() ? errorSamples : errorSamples + "; " + other.errorSamples;
            return new Sample(all, errors + other.errors, samples);
        }

        static Sample empty() {
            return new Sample(new long[0], 0, "");
        }

        int count() {
            return latencies.length;
        }

        /** The {@code p}-th percentile in milliseconds (nearest rank). */
        double percentileMillis(double p) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
        }

        double maxMillis() {
            return Arrays.stream(latencies).max().orElse(0) / 1e6;
        }
    }
}
