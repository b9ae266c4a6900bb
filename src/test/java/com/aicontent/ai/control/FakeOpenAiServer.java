package com.aicontent.ai.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible server for tests, speaking the real wire format of {@code /v1/chat/completions}
 * and {@code /v1/images/generations}. By default it answers like a well-behaved model (structured
 * output when asked, prose otherwise, a small PNG per image, a {@code usage} object on every answer);
 * tests queue other replies per path to stage faults. It records every request it sees.
 */
public final class FakeOpenAiServer implements AutoCloseable {

    public static final String CHAT = "/v1/chat/completions";
    public static final String IMAGES = "/v1/images/generations";
    public static final long CHAT_PROMPT_TOKENS = 21;
    public static final long CHAT_COMPLETION_TOKENS = 34;
    public static final long IMAGE_INPUT_TOKENS = 5;
    public static final long IMAGE_OUTPUT_TOKENS = 8;
    /** Every text the default model writes contains this, so tests can tell model content from anything else. */
    public static final String MARK = "fake-model";
    /** A valid 1x1 PNG. */
    public static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static final Pattern FIRST_NUMBER = Pattern.compile("([0-9۰-۹]+)");

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final Jsonb jsonb = JsonbBuilder.create();
    private final Map<String, Queue<Reply>> queued = new ConcurrentHashMap<>();
    private final Map<String, Reply> files = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final java.util.Set<HttpExchange> answered = ConcurrentHashMap.newKeySet();
    private final FakeModelBehaviour behaviour = new FakeModelBehaviour();
    private final AtomicLong hugeBytesSent = new AtomicLong();
    private final CountDownLatch streamStarted = new CountDownLatch(1);
    private final CountDownLatch streamAborted = new CountDownLatch(1);
    private final CountDownLatch slowCallStarted = new CountDownLatch(1);
    private final CountDownLatch slowCallAborted = new CountDownLatch(1);

    private FakeOpenAiServer(HttpServer server) {
        this.server = server;
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeOpenAiServer start() {
        try {
            return new FakeOpenAiServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        } catch (IOException cannotBind) {
            throw new IllegalStateException(cannotBind);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    /** Answers the next request to {@code path} with {@code reply} instead of the default model. */
    public FakeOpenAiServer enqueue(String path, Reply reply) {
        queued.computeIfAbsent(path, any -> new ConcurrentLinkedQueue<>()).add(reply);
        return this;
    }

    /** Serves {@code reply} at {@code path} for every GET, e.g. an image a URL answer points to. */
    public FakeOpenAiServer file(String path, Reply reply) {
        files.put(path, reply);
        return this;
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public List<Recorded> requests(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).toList();
    }

    /** The switches of the default model: each makes it misbehave the way some real server does. */
    public FakeModelBehaviour behaviour() {
        return behaviour;
    }

    /** How many bytes of huge answers were written before the client stopped reading. */
    public long hugeBytesSent() {
        return hugeBytesSent.get();
    }

    /** Waits (bounded) until a streamed answer sent its first piece. */
    public boolean awaitStreamStarted() throws InterruptedException {
        return streamStarted.await(10, TimeUnit.SECONDS);
    }

    /** Waits (bounded) until the client of a streamed answer went away before its end. */
    public boolean awaitStreamAborted() throws InterruptedException {
        return streamAborted.await(10, TimeUnit.SECONDS);
    }

    /** The most requests this server was answering at one moment. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** Waits (bounded) until a {@link Reply#slow()} reply started streaming. */
    public boolean awaitSlowCallStarted() throws InterruptedException {
        return slowCallStarted.await(10, TimeUnit.SECONDS);
    }

    /** Waits (bounded) until the client of a {@link Reply#slow()} reply went away before the answer was complete. */
    public boolean awaitSlowCallAborted() throws InterruptedException {
        return slowCallAborted.await(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }

    /** How the server answers one request. */
    public sealed interface Reply {

        static Reply json(int status, String body, String... headerNamesAndValues) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 0; i + 1 < headerNamesAndValues.length; i += 2) {
                headers.put(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
            }
            return new Fixed(status, "application/json", body.getBytes(StandardCharsets.UTF_8), headers);
        }

        static Reply bytes(String contentType, byte[] body) {
            return new Fixed(200, contentType, body, Map.of());
        }

        /** A chat completion whose message is {@code content}, with the default usage. */
        static Reply chat(String content) {
            return json(200, chatCompletion(content, CHAT_PROMPT_TOKENS, CHAT_COMPLETION_TOKENS));
        }

        static Reply chat(String content, long promptTokens, long completionTokens) {
            return json(200, chatCompletion(content, promptTokens, completionTokens));
        }

        static Reply imageAsBase64(byte[] image) {
            return json(200, """
                    {"created": 1767225600, "data": [{"b64_json": "%s"}],
                     "usage": {"input_tokens": %d, "output_tokens": %d, "total_tokens": %d}}"""
                    .formatted(Base64.getEncoder().encodeToString(image), IMAGE_INPUT_TOKENS, IMAGE_OUTPUT_TOKENS,
                            IMAGE_INPUT_TOKENS + IMAGE_OUTPUT_TOKENS));
        }

        static Reply imageAsUrl(String url) {
            return json(200, """
                    {"created": 1767225600, "data": [{"url": "%s", "revised_prompt": "a picture"}]}""".formatted(url));
        }

        /** Waits before replying; the wait ends early when the server stops. */
        static Reply after(Duration delay, Reply then) {
            return new Delayed(delay, then);
        }

        /** Starts a 200 answer and never finishes it: it trickles whitespace until the client goes away. */
        static Reply slow() {
            return new Slow();
        }

        /** A stream that stops after {@code content}: no finish_reason, no [DONE], as when a server dies mid-answer. */
        static Reply streamEndingEarly(String content) {
            return new Streamed(content, null, null, false, Duration.ZERO);
        }

        /** Sends the client elsewhere. */
        static Reply redirect(String location) {
            return new Fixed(302, "text/plain", new byte[0], Map.of("Location", location));
        }

        /** Closes the connection without a word, like a server that crashed mid-request. */
        static Reply dropConnection() {
            return new Dropped();
        }
    }

    record Fixed(int status, String contentType, byte[] body, Map<String, String> headers) implements Reply {
    }

    record Delayed(Duration delay, Reply then) implements Reply {
    }

    record Slow() implements Reply {
    }

    record Dropped() implements Reply {
    }

    /** A chat answer of {@code bytes} bytes, with or without a Content-Length that says so. */
    record Huge(long bytes, boolean declared) implements Reply {
    }

    /** A chat answer as server-sent events, a few characters an event. */
    record Streamed(String content, String refusal, String finishReason, boolean usage, Duration pause) implements Reply {
    }

    /** What a client sent. */
    public record Recorded(String method, String path, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().getFirst())
                    .findFirst().orElse(null);
        }
    }

    public static String chatCompletion(String content, long promptTokens, long completionTokens) {
        return chatCompletion(content, null, "stop", true, promptTokens, completionTokens);
    }

    static String chatCompletion(String content, String refusal, String finishReason, boolean usage,
                                 long promptTokens, long completionTokens) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", content);
        if (refusal != null) {
            message.put("refusal", refusal);
        }
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("message", message);
        choice.put("finish_reason", finishReason);
        Map<String, Object> completion = new LinkedHashMap<>();
        completion.put("id", "chatcmpl-fake");
        completion.put("object", "chat.completion");
        completion.put("created", 1767225600);
        completion.put("model", "fake-model");
        completion.put("choices", List.of(choice));
        if (usage) {
            completion.put("usage", Map.of("prompt_tokens", promptTokens, "completion_tokens", completionTokens,
                    "total_tokens", promptTokens + completionTokens));
        }
        try (Jsonb json = JsonbBuilder.create(new JsonbConfig().withNullValues(true))) {
            return json.toJson(completion);
        } catch (Exception cannotClose) {
            throw new IllegalStateException(cannotClose);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            requests.add(new Recorded(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body));
            Reply reply;
            if ("GET".equals(exchange.getRequestMethod())) {
                reply = files.getOrDefault(path, Reply.json(404, "{\"error\": {\"message\": \"no such file\"}}"));
            } else {
                Queue<Reply> forPath = queued.get(path);
                Reply next = forPath == null ? null : forPath.poll();
                reply = next != null ? next : modelAnswer(path, body);
            }
            send(exchange, reply);
        } finally {
            answering(exchange);
            answered.remove(exchange);
        }
    }

    /**
     * A call stops counting as in flight when its answer starts, not when the exchange closes: the
     * client may read the whole answer and send its next call before this thread gets to close it.
     */
    private void answering(HttpExchange exchange) {
        if (answered.add(exchange)) {
            inFlight.decrementAndGet();
        }
    }

    private void send(HttpExchange exchange, Reply reply) throws IOException {
        switch (reply) {
            case Fixed fixed -> {
                fixed.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                exchange.getResponseHeaders().set("Content-Type", fixed.contentType());
                answering(exchange);
                exchange.sendResponseHeaders(fixed.status(), fixed.body().length == 0 ? -1 : fixed.body().length);
                exchange.getResponseBody().write(fixed.body());
            }
            case Delayed delayed -> {
                try {
                    Thread.sleep(delayed.delay());
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    return;
                }
                send(exchange, delayed.then());
            }
            case Slow slow -> trickle(exchange);
            case Huge huge -> huge(exchange, huge);
            case Streamed streamed -> stream(exchange, streamed);
            case Dropped dropped -> {
                // closing the exchange without a response makes the server drop the connection
            }
        }
    }

    private void trickle(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        slowCallStarted.countDown();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        try {
            while (System.nanoTime() < deadline) {
                out.write(' ');
                out.flush();
                Thread.sleep(20);
            }
        } catch (IOException clientWentAway) {
            slowCallAborted.countDown();
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the model answers: well-behaved, unless a switch of {@link #behaviour()} says otherwise. */
    @SuppressWarnings("unchecked")
    private Reply modelAnswer(String path, String body) {
        if (path.equals(IMAGES)) {
            return behaviour.imageUrl != null ? Reply.imageAsUrl(behaviour.imageUrl) : Reply.imageAsBase64(PNG);
        }
        if (!path.equals(CHAT)) {
            return Reply.json(404, "{\"error\": {\"message\": \"Unknown path " + path + "\", \"type\": \"invalid_request_error\"}}");
        }
        Map<String, Object> request = jsonb.fromJson(body, Map.class);
        for (String parameter : behaviour.rejectedParameters) {
            if (request.containsKey(parameter)) {
                return unsupported(parameter);
            }
        }
        if (behaviour.hugeAnswerBytes > 0) {
            return new Huge(behaviour.hugeAnswerBytes, behaviour.hugeAnswerDeclared);
        }
        List<Map<String, Object>> messages = (List<Map<String, Object>>) request.get("messages");
        String ask = messages.stream().filter(message -> "user".equals(message.get("role")))
                .map(message -> String.valueOf(message.get("content"))).findFirst().orElse("");
        String last = String.valueOf(messages.getLast().get("content"));
        String written = messages.stream().filter(message -> "assistant".equals(message.get("role")))
                .map(message -> String.valueOf(message.get("content"))).reduce((first, second) -> second).orElse("");
        Map<String, Object> format = (Map<String, Object>) request.get("response_format");
        // without response_format, a good model still follows the JSON shape the prompt shows
        String schema = format != null ? String.valueOf(((Map<String, Object>) format.get("json_schema")).get("name"))
                : ask.contains("{\"headings\"") ? "headings"
                : ask.contains("{\"title\"") ? "meta"
                : ask.contains("{\"faq\"") ? "faq"
                : "";
        boolean reminded = last.contains("are needed") || last.contains("لازم است");
        int delta = reminded && behaviour.countsRightWhenReminded ? 0 : behaviour.miscount;
        int count = Math.max(0, firstNumber(ask) + delta);
        boolean stream = Boolean.TRUE.equals(request.get("stream")) && behaviour.streams;
        if (!schema.isEmpty() && behaviour.refusal != null) {
            return answer(null, behaviour.refusal, "stop", stream);
        }
        boolean big = behaviour.oversized;
        Object answer = switch (schema) {
            case "headings" -> Map.of("headings", numbered(count, i -> longer("Heading " + i + " by the " + MARK, big ? 600 : 0)));
            case "meta" -> Map.of("title", "Meta title by the " + MARK,
                    "description", "Meta description written by the " + MARK + ".",
                    "keywords", numbered(Math.max(0, 5 + delta), i -> longer(i == 1 ? MARK : "keyword " + i, big ? 300 : 0)));
            case "faq" -> Map.of("faq", numbered(count, i -> Map.of(
                    "question", longer("Question " + i + " to the " + MARK + "?", big ? 3000 : 0),
                    "answer", "Answer " + i + " from the " + MARK + "." + (big ? " " + sentences(30_000) : ""))));
            default -> null;
        };
        if (answer != null) {
            return answer(jsonb.toJson(answer), null, "stop", stream);
        }
        String prose = "Prose written by the " + MARK + " for: " + ask.lines().findFirst().orElse("");
        if (big) {
            prose = sentences(150_000);
        } else if (behaviour.hostileMarkdown) {
            prose = FakeModelBehaviour.HOSTILE_MARKDOWN;
        }
        if (behaviour.cutProseAt > 0) {
            String whole = sentences(behaviour.proseLength);
            String rest = whole.substring(Math.min(whole.length(), written.length()));
            boolean cut = rest.length() > behaviour.cutProseAt;
            return answer(cut ? rest.substring(0, behaviour.cutProseAt) : rest, null, cut ? "length" : "stop", stream);
        }
        return answer(prose, null, "stop", stream);
    }

    private Reply answer(String content, String refusal, String finishReason, boolean stream) {
        if (stream) {
            return new Streamed(content, refusal, finishReason, !behaviour.withoutUsage, behaviour.streamPause);
        }
        return Reply.json(200, chatCompletion(content, refusal, finishReason, !behaviour.withoutUsage,
                CHAT_PROMPT_TOKENS, CHAT_COMPLETION_TOKENS));
    }

    /** OpenAI's 400 for a parameter a model does not take (reasoning models and max_tokens, temperature). */
    private Reply unsupported(String parameter) {
        String message = switch (parameter) {
            case "max_tokens" -> "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.";
            case "temperature" -> "Unsupported value: 'temperature' does not support 0.7 with this model. Only the default (1) value is supported.";
            default -> "Unsupported parameter: '" + parameter + "' is not supported with this model.";
        };
        return Reply.json(400, jsonb.toJson(Map.of("error", Map.of("message", message, "type", "invalid_request_error",
                "param", parameter, "code", parameter.equals("temperature") ? "unsupported_value" : "unsupported_parameter"))));
    }

    /** Whole sentences by the fake model, {@code length} characters of them, the last one ending exactly there. */
    private static String sentences(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; text.length() < length; i++) {
            text.append("Sentence ").append(i).append(" by the ").append(MARK).append(" goes on for a while. ");
        }
        return text.substring(0, length);
    }

    private static String longer(String text, int length) {
        if (text.length() >= length) {
            return text;
        }
        StringBuilder longer = new StringBuilder(text);
        while (longer.length() < length) {
            longer.append(" and more");
        }
        return longer.toString();
    }

    private void huge(HttpExchange exchange, Huge huge) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        answering(exchange);
        exchange.sendResponseHeaders(200, huge.declared() ? huge.bytes() : 0);
        byte[] block = new byte[64 * 1024];
        java.util.Arrays.fill(block, (byte) 'a');
        byte[] head = "{\"choices\": [{\"message\": {\"content\": \"".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, block, 0, head.length);
        OutputStream out = exchange.getResponseBody();
        try {
            for (long sent = 0; sent < huge.bytes(); sent += block.length) {
                int size = (int) Math.min(block.length, huge.bytes() - sent);
                out.write(block, 0, size);
                hugeBytesSent.addAndGet(size);
                if (sent == 0) {
                    java.util.Arrays.fill(block, 0, head.length, (byte) 'a');
                }
            }
        } catch (IOException clientWentAway) {
            // what the client should do
        }
    }

    private void stream(HttpExchange exchange, Streamed streamed) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        answering(exchange);
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        String content = streamed.content() == null ? "" : streamed.content();
        try {
            event(out, Map.of("role", "assistant", "content", ""), null, null);
            if (streamed.refusal() != null) {
                event(out, Map.of("refusal", streamed.refusal()), null, null);
            }
            for (int at = 0; at < content.length(); at += 16) {
                event(out, Map.of("content", content.substring(at, Math.min(content.length(), at + 16))), null, null);
                streamStarted.countDown();
                Thread.sleep(streamed.pause());
            }
            if (streamed.finishReason() == null) {
                return;
            }
            event(out, Map.of(), streamed.finishReason(), null);
            if (streamed.usage()) {
                event(out, null, null, Map.of("prompt_tokens", CHAT_PROMPT_TOKENS, "completion_tokens", CHAT_COMPLETION_TOKENS,
                        "total_tokens", CHAT_PROMPT_TOKENS + CHAT_COMPLETION_TOKENS));
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException clientWentAway) {
            streamAborted.countDown();
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    /** One {@code chat.completion.chunk}; a chunk without a delta carries only the usage, as OpenAI sends it last. */
    private void event(OutputStream out, Map<String, Object> delta, String finishReason, Map<String, Object> usage) throws IOException {
        Map<String, Object> chunk = new LinkedHashMap<>();
        chunk.put("id", "chatcmpl-fake");
        chunk.put("object", "chat.completion.chunk");
        chunk.put("model", "fake-model");
        if (delta != null) {
            Map<String, Object> choice = new LinkedHashMap<>();
            choice.put("index", 0);
            choice.put("delta", delta);
            choice.put("finish_reason", finishReason);
            chunk.put("choices", List.of(choice));
        } else {
            chunk.put("choices", List.of());
            chunk.put("usage", usage);
        }
        out.write(("data: " + jsonb.toJson(chunk) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The first number of a prompt, in ASCII or Persian digits: the count it asks for. */
    private static int firstNumber(String text) {
        Matcher number = FIRST_NUMBER.matcher(text);
        if (!number.find()) {
            return 3;
        }
        StringBuilder digits = new StringBuilder();
        for (char digit : number.group(1).toCharArray()) {
            digits.append(digit >= '۰' && digit <= '۹' ? (char) ('0' + (digit - '۰')) : digit);
        }
        return Integer.parseInt(digits.toString());
    }

    private static <T> List<T> numbered(int count, java.util.function.IntFunction<T> item) {
        List<T> items = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            items.add(item.apply(i));
        }
        return items;
    }
}
