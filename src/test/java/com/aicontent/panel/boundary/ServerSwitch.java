package com.aicontent.panel.boundary;

import com.aicontent.PayaraMicroServer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Lets the browser scenarios (a separate node process) stop and start the app server while a page
 * is polling: POST /stop and POST /start on a loopback port, each answering once the server is
 * down or ready again.
 */
final class ServerSwitch implements AutoCloseable {

    private final HttpServer http;

    ServerSwitch(PayaraMicroServer server) throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/stop", exchange -> handle(exchange, server::stop));
        http.createContext("/start", exchange -> handle(exchange, server::start));
        http.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    private interface Action {
        void run() throws Exception;
    }

    private static void handle(HttpExchange exchange, Action action) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            try {
                action.run();
                exchange.sendResponseHeaders(204, -1);
            } catch (Exception e) {
                byte[] body = String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(500, body.length);
                exchange.getResponseBody().write(body);
            }
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
