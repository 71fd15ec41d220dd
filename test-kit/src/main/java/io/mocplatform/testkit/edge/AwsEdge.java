package io.mocplatform.testkit.edge;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mocplatform.testkit.iam.Policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;

/**
 * The front door of the emulated AWS: one loopback HTTP front per service, which every SDK client, presigned URL
 * and the AWS CLI reach instead of the emulator itself. Each request runs through the {@link EdgeFilter}s (the
 * edge's own first, then those added with {@link #addFilter}) and is then forwarded unchanged (method, path,
 * query, headers, body streamed) to the emulator behind that front, whose answer is streamed back.
 *
 * <p>The fronts are bound first ({@link #bind}), so their ports are known before the emulators start (ElasticMQ
 * writes its public address into queue URLs), and accept requests once {@link #start} names the emulators.
 */
public final class AwsEdge implements AutoCloseable {

    /** Not forwarded: connection-level headers, and those the JDK client sets itself (Host, length, Expect). */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "te",
            "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect", "http2-settings");

    static {
        // Without it the JDK server leaves Nagle's algorithm on, and a small answer can wait for a delayed ACK.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Map<AwsService, HttpServer> servers;
    private final Map<AwsService, URI> backends = new EnumMap<>(AwsService.class);
    private final List<EdgeFilter> ownFilters;
    private final List<EdgeFilter> addedFilters = new CopyOnWriteArrayList<>();
    private volatile boolean ownFiltersOn = true;
    /**
     * Platform threads, not virtual ones: the callers include function code on virtual threads (the devstack's
     * gateway), and a caller pinned to a carrier while it waits for the edge (a class initializer making an AWS
     * call, for one) must not leave the edge without a carrier to answer on.
     */
    private final ExecutorService executor = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("aws-edge-", 0).factory());
    private final HttpClient client;

    private AwsEdge(Map<AwsService, HttpServer> servers, List<EdgeFilter> ownFilters) {
        this.servers = servers;
        this.ownFilters = List.copyOf(ownFilters);
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(executor).build();
    }

    /**
     * Binds one front per service on its loopback port (0: a free one); nothing is answered before
     * {@link #start}. {@code ownFilters} run first on every request, in order.
     */
    public static AwsEdge bind(Map<AwsService, Integer> ports, List<EdgeFilter> ownFilters) {
        Map<AwsService, HttpServer> servers = new EnumMap<>(AwsService.class);
        try {
            for (var entry : ports.entrySet()) {
                servers.put(entry.getKey(), HttpServer.create(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), entry.getValue()), 128));
            }
        } catch (IOException e) {
            servers.values().forEach(server -> server.stop(0));
            throw new UncheckedIOException("the AWS edge could not bind its ports " + ports, e);
        }
        return new AwsEdge(servers, ownFilters);
    }

    /**
     * The edge's own filters for IAM: {@link SignatureCheck} (SigV4, presigned URLs, expiry), then
     * {@link RoleCheck} (a function role's request against its policy; {@code allowed} hears every allowed
     * permission). The administrator's and unknown keys pass unjudged.
     */
    public static List<EdgeFilter> iamFilters(EdgeIdentities identities, String region, String account, Clock clock,
                                              BiConsumer<Caller.FunctionRole, Policy.Decision> allowed) {
        return List.of(new SignatureCheck(identities, clock),
                new RoleCheck(new RequestActions(region, account), allowed));
    }

    /** Starts answering: each service's requests go, once through the filters, to its emulator. */
    public AwsEdge start(Map<AwsService, URI> emulators) {
        if (!emulators.keySet().equals(servers.keySet())) {
            throw new IllegalArgumentException("emulators " + emulators.keySet() + " do not match the fronts "
                    + servers.keySet());
        }
        // Without a trailing slash, so that the client's path is appended as it came.
        emulators.forEach((service, uri) -> backends.put(service,
                URI.create(uri.toString().replaceAll("/+$", ""))));
        servers.forEach((service, server) -> {
            server.setExecutor(executor);
            server.createContext("/", exchange -> handle(service, exchange));
            server.start();
        });
        return this;
    }

    /** Where clients reach {@code service}: {@code http://127.0.0.1:<port>}. */
    public URI endpoint(AwsService service) {
        HttpServer server = servers.get(service);
        if (server == null) {
            throw new IllegalArgumentException("the edge has no front for " + service);
        }
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Where the edge forwards {@code service}'s requests: the emulator itself (benchmarks compare the two). */
    public URI emulator(AwsService service) {
        URI emulator = backends.get(service);
        if (emulator == null) {
            throw new IllegalArgumentException("the edge has no emulator for " + service);
        }
        return emulator;
    }

    /** Runs {@code filter} on every later request, after the edge's own filters and those added before. */
    public void addFilter(EdgeFilter filter) {
        addedFilters.add(Objects.requireNonNull(filter, "filter"));
    }

    public void removeFilter(EdgeFilter filter) {
        addedFilters.remove(filter);
    }

    /**
     * Turns the edge's own filters (the IAM checks) off and on again, for benchmarks that compare the same stack
     * with and without enforcement in one run. Off, every request goes through unjudged, as the administrator's.
     */
    public void ownFilters(boolean on) {
        ownFiltersOn = on;
    }

    @Override
    public void close() {
        servers.values().forEach(server -> server.stop(0));
        client.shutdownNow();
        executor.shutdownNow();
    }

    private void handle(AwsService service, HttpExchange exchange) {
        try (exchange) {
            EdgeRequest request = read(service, exchange);
            EdgeResponse response;
            try {
                response = chain(0).proceed(request);
            } catch (IOException | RuntimeException e) {
                // What AWS answers when it fails inside; the SDK retries it like a 500 from the service.
                response = EdgeResponse.of(500, "text/plain", ("edge: " + e).getBytes(StandardCharsets.UTF_8));
            }
            // A filter may answer an upload it refused without reading it. The JDK server has already sent
            // "100 Continue" to a client that asked for it, so the client is sending the body: read it first, so the
            // answer never reaches a client still waiting for its 100 (an S3 client timed out on a refused
            // PutObject, four attempts in a row, when the two arrived together).
            request.body().discardUnread();
            write(exchange, response);
        } catch (IOException e) {
            // The client went away while the answer was being written; nothing is left to tell it.
        }
    }

    private EdgeFilter.Chain chain(int index) {
        return request -> {
            int own = ownFilters.size();
            if (index < own && !ownFiltersOn) {
                return chain(own).proceed(request);
            }
            if (index < own) {
                return ownFilters.get(index).filter(request, chain(index + 1));
            }
            List<EdgeFilter> added = addedFilters;
            if (index - own < added.size()) {
                return added.get(index - own).filter(request, chain(index + 1));
            }
            return forward(request);
        };
    }

    private static EdgeRequest read(AwsService service, HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        Headers headers = exchange.getRequestHeaders();
        String length = headers.getFirst("Content-Length");
        long contentLength = length == null ? -1 : Long.parseLong(length.trim());
        InputStream in = exchange.getRequestBody();
        EdgeBody body;
        if (contentLength == 0 || (contentLength < 0 && headers.getFirst("Transfer-Encoding") == null)) {
            body = EdgeBody.empty();
        } else if (service == AwsService.S3) {
            body = EdgeBody.streaming(in, contentLength);
        } else {
            // The other services' bodies are small API documents that authorization reads anyway.
            body = EdgeBody.of(in.readAllBytes());
        }
        return new EdgeRequest(service, exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers,
                body);
    }

    private EdgeResponse forward(EdgeRequest request) throws IOException {
        URI backend = backends.get(request.service());
        String target = backend + request.rawPath() + (request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery());
        HttpRequest.Builder forwarded = HttpRequest.newBuilder(URI.create(target))
                .method(request.method(), request.body().publisher());
        request.headers().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(value -> forwarded.header(name, value));
            }
        });
        HttpResponse<InputStream> answer;
        try {
            answer = client.send(forwarded.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + request.service(), e);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        answer.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                headers.put(name, new ArrayList<>(values));
            }
        });
        long contentLength = answer.headers().firstValueAsLong("content-length").orElse(-1);
        return new EdgeResponse(answer.statusCode(), headers, contentLength, answer.body());
    }

    private static void write(HttpExchange exchange, EdgeResponse response) throws IOException {
        Headers out = exchange.getResponseHeaders();
        response.headers().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                out.put(name, values);
            }
        });
        int status = response.status();
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        boolean noBody = head || status == 204 || status == 304 || status < 200;
        try (InputStream body = response.body()) {
            if (noBody) {
                if (head && response.length() >= 0) {
                    // A HEAD answer's length describes the object (S3 HeadObject): the JDK server would drop it.
                    out.set("Content-Length", Long.toString(response.length()));
                }
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            long length = response.length();
            exchange.sendResponseHeaders(status, length == 0 ? -1 : length < 0 ? 0 : length);
            if (length != 0) {
                try (OutputStream sink = exchange.getResponseBody()) {
                    body.transferTo(sink);
                }
            }
        }
    }
}
