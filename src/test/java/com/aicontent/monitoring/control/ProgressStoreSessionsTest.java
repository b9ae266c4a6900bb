package com.aicontent.monitoring.control;

import com.aicontent.progress.entity.SessionHash;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressStoreSessionsTest {

    @Test
    void aRedisThatDoesNotAnswerIsASentenceWithItsAddressAndNoJava() throws Exception {
        int closed;
        try (var socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        try (var sessions = ProgressStoreSessions.connect("redis://127.0.0.1:" + closed, "(check --redis)")) {
            SelfTestStopped stopped = assertThrows(SelfTestStopped.class, () -> sessions.exists(SessionHash.random()));
            assertEquals("Redis at 127.0.0.1:" + closed + " did not answer: is it running, and is it the Redis the "
                    + "application uses? (check --redis)", stopped.getMessage());
            for (String javaWords : List.of("Exception", "redis.clients", "Jedis")) {
                assertFalse(stopped.getMessage().contains(javaWords), stopped.getMessage());
            }
        }
    }

    @Test
    void theAddressNamesHostPortAndDatabaseButNeverTheCredentials() {
        assertEquals("redis.example:6380 (database 2)", ProgressStoreSessions.hostAndPort("redis://user:secret@redis.example:6380/2"));
        assertEquals("127.0.0.1:6379", ProgressStoreSessions.hostAndPort("redis://127.0.0.1"));
        assertEquals("127.0.0.1:6379", ProgressStoreSessions.hostAndPort("redis://:pw@127.0.0.1:6379/0"));
        assertTrue(ProgressStoreSessions.hostAndPort("not a url").contains("not a URL"));
    }
}
