package com.aicontent.monitoring.control;

import com.aicontent.progress.entity.SessionHash;
import com.aicontent.progress.entity.Step;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A scripted stand-in for the progress store and the status endpoint together, for the self-test's
 * unit tests: sessions kept in memory, served over real HTTP with the endpoint's ETag, Cache-Control
 * and 304. {@link #redisDown} and {@link #failOn} make it fail as a dead Redis would.
 */
final class SimulatedApplication implements SelfTestSessions, AutoCloseable {

    static final String TOKEN = "unit-test-token";

    private final Map<String, Document> documents = new ConcurrentHashMap<>();
    private final HttpServer http;
    final List<String> calls = new ArrayList<>();
    volatile boolean redisDown;
    volatile String failOn = "";

    private static final class Document {
        String status = "pending";
        Step step = Step.initialization;
        int progress;
        long version = 1;
        int sections;
        int images;
        int totalSections;
        int totalImages;
    }

    SimulatedApplication() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/api/ai-content-progress/", this::status);
        http.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/");
    }

    private void status(HttpExchange exchange) throws IOException {
        String hash = exchange.getRequestURI().getPath().split("/")[3];
        Document doc = documents.get(hash);
        int code;
        String body = "";
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            code = 401;
        } else if (doc == null) {
            code = 404;
        } else {
            String etag = "\"" + hash + "-" + doc.version + "\"";
            exchange.getResponseHeaders().add("ETag", etag);
            exchange.getResponseHeaders().add("Cache-Control", "no-store");
            code = etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match")) ? 304 : 200;
            body = code == 304 ? "" : Json.createObjectBuilder().add("session_hash", hash).add("status", doc.status)
                    .add("step", doc.step.name()).add("progress", doc.progress).add("version", doc.version)
                    .add("completed_sections", doc.sections).add("total_sections", doc.totalSections)
                    .add("completed_images", doc.images).add("total_images", doc.totalImages)
                    .add("is_completed", doc.status.equals("completed")).build().toString();
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private Document change(String call, SessionHash hash) {
        calls.add(call);
        if (redisDown || failOn.equals(call)) {
            throw new SelfTestStopped(redis() + " did not answer: is it running?");
        }
        Document doc = documents.get(hash.value());
        if (doc != null) {
            doc.version++;
        }
        return doc;
    }

    @Override
    public String redis() {
        return "Redis at 127.0.0.1:6379";
    }

    @Override
    public boolean exists(SessionHash hash) {
        calls.add("exists");
        if (redisDown) {
            throw new SelfTestStopped(redis() + " did not answer: is it running?");
        }
        return documents.containsKey(hash.value());
    }

    /** A session some real generation owns. */
    void existing(SessionHash hash) {
        documents.put(hash.value(), new Document());
    }

    @Override
    public boolean create(SessionHash hash, String title, int sections, int images) {
        change("create", hash);
        Document doc = new Document();
        doc.totalSections = sections;
        doc.totalImages = images;
        return documents.putIfAbsent(hash.value(), doc) == null;
    }

    @Override
    public long timeToLive(SessionHash hash) {
        change("timeToLive", hash);
        return documents.containsKey(hash.value()) ? 3600 : -2;
    }

    @Override
    public void enter(SessionHash hash, Step step) {
        Document doc = change("enter " + step.name(), hash);
        doc.status = "processing";
        doc.step = step;
        doc.progress = Math.max(doc.progress, step.startsAt());
    }

    @Override
    public void sectionDone(SessionHash hash, Step step, int index) {
        Document doc = change("sectionDone", hash);
        doc.sections++;
        doc.progress = step.startsAt() + (step.endsAt() - step.startsAt()) * doc.sections / doc.totalSections;
    }

    @Override
    public void imageDone(SessionHash hash, Step step, int index) {
        Document doc = change("imageDone", hash);
        doc.images++;
        doc.progress = step.startsAt() + (step.endsAt() - step.startsAt()) * doc.images / doc.totalImages;
    }

    @Override
    public void finish(SessionHash hash, Step step) {
        change("finish " + step.name(), hash).progress = step.endsAt();
    }

    @Override
    public void complete(SessionHash hash) {
        Document doc = change("complete", hash);
        doc.status = "completed";
        doc.progress = 100;
    }

    @Override
    public void delete(SessionHash hash) {
        change("delete", hash);
        documents.remove(hash.value());
    }

    boolean holds(SessionHash hash) {
        return documents.containsKey(hash.value());
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
