package com.aicontent;

import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A real redis-server of a test's own, on a free loopback port, that the test may stop and start
 * again: the shared Redis on 6379 serves the other engineers and the rest of the suite.
 */
public final class DedicatedRedis implements AutoCloseable {

    private final int port;
    private RedisServer server;

    private DedicatedRedis(int port) {
        this.port = port;
    }

    public static DedicatedRedis start() {
        var redis = new DedicatedRedis(freePort());
        redis.resume();
        return redis;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Stops the server as a crash or an outage would; its data is gone. */
    public void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts it again on the same port. */
    public void resume() {
        try {
            server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                    .setting("save \"\"").setting("appendonly no").onShutdownForceStop(true).build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (server != null && server.isActive()) {
            stop();
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
