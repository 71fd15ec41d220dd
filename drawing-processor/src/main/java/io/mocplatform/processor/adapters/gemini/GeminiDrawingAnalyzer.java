package io.mocplatform.processor.adapters.gemini;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.mocplatform.processor.domain.Analysis;
import io.mocplatform.processor.domain.AnalysisInput;
import io.mocplatform.processor.domain.Component;
import io.mocplatform.processor.domain.DrawingRejectedException;
import io.mocplatform.processor.domain.FailureType;
import io.mocplatform.processor.domain.NoTimeLeftException;
import io.mocplatform.processor.domain.PageText;
import io.mocplatform.processor.domain.RetryableException;
import io.mocplatform.processor.domain.TextLine;
import io.mocplatform.processor.domain.TokenUsage;
import io.mocplatform.processor.domain.port.DrawingAnalyzer;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gemini {@code generateContent} with a JSON response schema: the drawing's text (every page) and the first
 * page images go in, the component schedule comes out. Rate limits (429) and overload (503) become a
 * {@link RetryableException} carrying the server's hint ({@code Retry-After} or {@code RetryInfo.retryDelay}),
 * which the backoff uses as its floor. A timeout, an unreachable API or another 5xx is tried again within the
 * invocation ({@code gemini.attempts}, with pauses), each call limited so that all of them fit in the analysis's
 * time budget ({@link CallPlan}); when they are used up the job waits for the queue's backoff. A circuit breaker stops calling a failing API for a while, so a Gemini
 * outage costs one quick refusal per message instead of a full timeout each.
 */
@Singleton
@Requires(property = "processor.analyzer", value = GeminiDrawingAnalyzer.NAME)
class GeminiDrawingAnalyzer implements DrawingAnalyzer {

    static final String NAME = "gemini";
    private static final Logger LOG = LoggerFactory.getLogger(GeminiDrawingAnalyzer.class);
    private static final Set<String> REPEATABLE = Set.of("gemini_timeout", "gemini_unreachable",
            "gemini_server_error", "gemini_unavailable");
    private static final Pattern UNHYPHENATED_TAG = Pattern.compile("^([A-Z]{1,4}) ?(\\d{1,4}[A-Z]?)$");
    private static final Pattern SECONDS = Pattern.compile("^(\\d+(?:\\.\\d+)?)s$");
    /** Finish reasons of a candidate the model's filters stopped: the same drawing is stopped again. */
    private static final Set<String> REFUSED = Set.of("SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT",
            "SPII", "IMAGE_SAFETY");
    private static final Pattern REASON = Pattern.compile("[A-Z_]{1,40}");
    private static final String INSTRUCTIONS = """
            You read security design drawings. List every security device tag on the drawing: a prefix, an
            optional hyphen, 1-4 digits and an optional capital letter (CR-101, CAM12, DC-3A). Use the drawing's
            legend for each prefix's meaning; otherwise CR card_reader, DC door_contact, REX request_to_exit,
            EM/ML magnetic_lock, CAM camera, PIR motion_detector, KP keypad, BG break_glass, IC intercom. Report
            each tag once as PREFIX-NUMBER[LETTER], with every page number it appears on, its snake_case type and
            the legend's description. The text layer of each page follows; page images are attached.
            """;

    private final GeminiConfiguration config;
    private final ApiKeySource apiKey;
    private final JsonMapper json;
    private final HttpClient http;
    private final CircuitBreaker breaker;

    GeminiDrawingAnalyzer(GeminiConfiguration config, ApiKeySource apiKey, JsonMapper json) {
        this.config = config;
        this.apiKey = apiKey;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.breaker = CircuitBreaker.of("gemini", CircuitBreakerConfig.custom()
                .failureRateThreshold(config.breakerFailureRate())
                .minimumNumberOfCalls(config.breakerMinimumCalls())
                .slidingWindowSize(Math.max(config.breakerMinimumCalls(), 10))
                .waitDurationInOpenState(config.breakerOpenFor())
                .recordException(e -> e instanceof RetryableException)
                .build());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Analysis analyze(AnalysisInput input) {
        // The request is built first: loading the page images from S3 takes time, and the plan is made from
        // what is left after it.
        byte[] request = requestBody(input);
        CallPlan plan = CallPlan.within(input.deadline().remaining(), config.attempts(), config.retryPause(),
                config.timeout(), config.minCallTimeout()).orElseThrow(() -> new NoTimeLeftException(
                "too little time was left in this invocation for Gemini's attempts"));
        for (int attempt = 1; ; attempt++) {
            try {
                return breaker.executeSupplier(() -> call(request, input.pages().size(), plan.callTimeout()));
            } catch (CallNotPermittedException open) {
                throw new RetryableException("gemini_circuit_open", "Gemini calls are paused after repeated failures",
                        config.breakerOpenFor());
            } catch (RetryableException failed) {
                boolean another = attempt < plan.attempts() && worthRepeating(failed, plan.pauses().get(attempt - 1));
                if (!another) {
                    throw attempt == 1 ? failed : new RetryableException(failed.reason(),
                            failed.getMessage() + " (" + attempt + " attempts)", failed.retryAfter().orElse(null),
                            failed);
                }
                LOG.warn("Gemini attempt {} of {} failed: {}", attempt, plan.attempts(), failed.reason());
                pause(plan.pauses().get(attempt - 1));
            }
        }
    }

    @Override
    public int imagePages() {
        return config.maxImages();
    }

    @Override
    public Duration minimumTime() {
        return CallPlan.minimumBudget(config.attempts(), config.retryPause(), config.minCallTimeout());
    }

    /**
     * A timeout, an unreachable API or a 5xx may pass within seconds; a rate limit (429), an answer that is not the
     * requested JSON, or a server asking for a longer wait than the pause is left to the queue's backoff.
     */
    private static boolean worthRepeating(RetryableException failed, Duration pause) {
        return REPEATABLE.contains(failed.reason())
                && failed.retryAfter().map(hint -> hint.compareTo(pause) <= 0).orElse(true);
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableException("gemini_unreachable", "interrupted while waiting to call Gemini again", null,
                    e);
        }
    }

    CircuitBreaker.State circuitState() {
        return breaker.getState();
    }

    private Analysis call(byte[] body, int pageCount, Duration timeout) {
        URI uri = config.baseUrl().resolve("/v1beta/models/" + config.model() + ":generateContent");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("x-goog-api-key", apiKey.apiKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<byte[]> response;
        // The request timeout covers only the wait for the headers; the future's limit also covers the body.
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request,
                HttpResponse.BodyHandlers.ofByteArray());
        try {
            response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw timedOut(timeout, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                throw timedOut(timeout, e.getCause());
            }
            LOG.warn("Gemini could not be reached: {}", String.valueOf(e.getCause()));
            throw new RetryableException("gemini_unreachable", "Gemini could not be reached", null, e.getCause());
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new RetryableException("gemini_unreachable", "interrupted while calling Gemini", null, e);
        }
        int status = response.statusCode();
        if (status == 429 || status == 503) {
            throw new RetryableException(status == 429 ? "gemini_rate_limited" : "gemini_unavailable",
                    "Gemini answered " + status, retryHint(response).orElse(null));
        }
        if (status == 400 || status == 404) {
            // A malformed request, an unknown model or a request the model refuses: the same request fails the
            // same way on every receive, so the job fails now instead of after three receives and a page.
            LOG.warn("Gemini rejected the request with {}: {}", status, errorMessage(response.body()));
            throw new DrawingRejectedException(FailureType.GEMINI_REJECTED, "Gemini rejected the request ("
                    + status + "); trying again would not help");
        }
        if (status != 200) {
            // The model's error text goes to the log only: the job row is shown to the client and the on-call.
            LOG.warn("Gemini answered {}: {}", status, errorMessage(response.body()));
            throw new RetryableException(status >= 500 ? "gemini_server_error" : "gemini_request_rejected",
                    "Gemini answered " + status, null);
        }
        return parse(response.body(), pageCount);
    }

    private static RetryableException timedOut(Duration timeout, Throwable cause) {
        LOG.warn("Gemini did not answer within {}", timeout);
        String limit = timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
        return new RetryableException("gemini_timeout", "Gemini did not answer within " + limit, null, cause);
    }

    private Analysis parse(byte[] body, int pageCount) {
        GeminiWire.GenerateResponse response;
        GeminiWire.ModelOutput output;
        try {
            response = json.readValue(body, GeminiWire.GenerateResponse.class);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Gemini's answer is not the requested JSON: {}", e.toString());
            throw new RetryableException("gemini_malformed_output", "Gemini's answer is not the requested JSON",
                    null, e);
        }
        refuseIfFiltered(response);
        try {
            String text = response.candidates().get(0).content().parts().get(0).text();
            output = json.readValue(text, GeminiWire.ModelOutput.class);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Gemini's answer is not the requested JSON: {}", e.toString());
            throw new RetryableException("gemini_malformed_output", "Gemini's answer is not the requested JSON",
                    null, e);
        }
        if (output == null || output.components() == null) {
            throw new RetryableException("gemini_malformed_output", "Gemini's answer has no components", null);
        }
        Map<String, Component> components = new TreeMap<>();
        for (GeminiWire.ModelComponent c : output.components()) {
            if (c == null || c.tag() == null || c.tag().isBlank() || c.type() == null || c.type().isBlank()) {
                throw new RetryableException("gemini_malformed_output", "a component lacks its tag or type", null);
            }
            TreeSet<Integer> pages = new TreeSet<>();
            if (c.pages() != null) {
                c.pages().stream().filter(p -> p != null && p >= 1 && p <= pageCount).forEach(pages::add);
            }
            String tag = tag(c.tag());
            Component previous = components.get(tag);
            if (previous != null) {
                pages.addAll(previous.pages());
            }
            components.put(tag, new Component(tag, c.type().strip(), new ArrayList<>(pages), c.description()));
        }
        GeminiWire.UsageMetadata usage = response.usageMetadata();
        long input = usage == null || usage.promptTokenCount() == null ? 0 : usage.promptTokenCount();
        long outputTokens = usage == null ? 0 : nullToZero(usage.candidatesTokenCount())
                + nullToZero(usage.thoughtsTokenCount());
        double cost = input / 1e6 * config.inputPricePerMillion() + outputTokens / 1e6 * config.outputPricePerMillion();
        return new Analysis(new ArrayList<>(components.values()), NAME, new TokenUsage(input, outputTokens, cost));
    }

    /**
     * A prompt or answer stopped by the model's filters is refused the same way on every try (the request is the
     * same and the temperature 0), so the job fails now rather than after three receives and a page.
     */
    private static void refuseIfFiltered(GeminiWire.GenerateResponse response) {
        String reason = null;
        if (response.promptFeedback() != null && response.promptFeedback().blockReason() != null) {
            reason = response.promptFeedback().blockReason();
        } else if (response.candidates() != null && !response.candidates().isEmpty()
                && response.candidates().get(0) != null && response.candidates().get(0).finishReason() != null
                && REFUSED.contains(response.candidates().get(0).finishReason())) {
            reason = response.candidates().get(0).finishReason();
        }
        if (reason != null) {
            // The reason comes from outside and reaches the job row and alerts: only a plain enum name is quoted.
            String shown = REASON.matcher(reason).matches() ? reason : "an unnamed reason";
            LOG.warn("Gemini's filters stopped the analysis: {}", shown);
            throw new DrawingRejectedException(FailureType.GEMINI_REJECTED, "Gemini's content filters refused the "
                    + "drawing (" + shown + "); trying again would not help");
        }
    }

    /**
     * The tag as the schedule writes it: upper case, and the hyphen the instructions ask for even when the model
     * copies a tag as drawn ({@code CR101}, {@code CR 101}), so one device is one row; a tag with a level or
     * another hyphenated form stays as written.
     */
    static String tag(String written) {
        String tag = written.strip().toUpperCase(Locale.ROOT);
        Matcher unhyphenated = UNHYPHENATED_TAG.matcher(tag);
        return unhyphenated.matches() ? unhyphenated.group(1) + "-" + unhyphenated.group(2) : tag;
    }

    private byte[] requestBody(AnalysisInput input) {
        List<GeminiWire.Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder(INSTRUCTIONS);
        for (PageText page : input.pages()) {
            text.append("\n--- page ").append(page.pageNumber()).append(" ---\n");
            for (TextLine line : page.lines()) {
                text.append(line.text()).append('\n');
            }
        }
        parts.add(GeminiWire.Part.text(text.toString()));
        int images = Math.min(config.maxImages(), input.pages().size());
        for (int i = 0; i < images; i++) {
            int page = input.pages().get(i).pageNumber();
            parts.add(GeminiWire.Part.text("Image of page " + page + ":"));
            parts.add(GeminiWire.Part.png(Base64.getEncoder().encodeToString(input.pageImage().apply(page))));
        }
        var request = new GeminiWire.GenerateRequest(List.of(new GeminiWire.Content("user", parts)),
                new GeminiWire.GenerationConfig("application/json", GeminiWire.responseSchema(), 0.0));
        try {
            return json.writeValueAsBytes(request);
        } catch (IOException e) {
            throw new IllegalStateException("Gemini request could not be written", e);
        }
    }

    /** {@code Retry-After: <seconds>} first, then the {@code google.rpc.RetryInfo} detail of the error body. */
    private Optional<Duration> retryHint(HttpResponse<byte[]> response) {
        Optional<Duration> header = response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
            } catch (NumberFormatException notSeconds) {
                return Optional.empty();
            }
        });
        if (header.isPresent()) {
            return header;
        }
        try {
            GeminiWire.ErrorResponse error = json.readValue(response.body(), GeminiWire.ErrorResponse.class);
            if (error == null || error.error() == null || error.error().details() == null) {
                return Optional.empty();
            }
            for (Map<String, Object> detail : error.error().details()) {
                Object type = detail.get("@type");
                Object delay = detail.get("retryDelay");
                if (type != null && type.toString().endsWith("google.rpc.RetryInfo") && delay != null) {
                    Matcher seconds = SECONDS.matcher(delay.toString());
                    if (seconds.matches()) {
                        return Optional.of(Duration.ofMillis((long) (Double.parseDouble(seconds.group(1)) * 1000)));
                    }
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private String errorMessage(byte[] body) {
        try {
            GeminiWire.ErrorResponse error = json.readValue(body, GeminiWire.ErrorResponse.class);
            if (error != null && error.error() != null && error.error().message() != null) {
                return error.error().message();
            }
        } catch (IOException | RuntimeException ignored) {
            // Fall through to the raw body.
        }
        String raw = new String(body, StandardCharsets.UTF_8);
        return raw.length() > 300 ? raw.substring(0, 300) : raw;
    }

    private static long nullToZero(Long value) {
        return value == null ? 0 : value;
    }
}
