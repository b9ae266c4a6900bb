package com.aicontent.progress.control;

import com.aicontent.progress.entity.SessionHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import redis.clients.jedis.JedisPubSub;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows the update channels of all generations ({@code PSUBSCRIBE ai_content_updates:*}): every
 * document any instance writes passes here, as the JSON it was stored as. Reconnects after an
 * outage; documents published while disconnected are not seen.
 */
@ApplicationScoped
public class ProgressUpdates {

    private static final Logger LOG = Logger.getLogger(ProgressUpdates.class.getName());

    @Inject
    RedisConnection redis;

    /** Starts following on a thread of {@code threads}; closing the handle stops it. */
    public AutoCloseable follow(ThreadFactory threads, BiConsumer<SessionHash, String> listener) {
        AtomicBoolean open = new AtomicBoolean(true);
        JedisPubSub pubSub = new JedisPubSub() {
            @Override
            public void onPMessage(String pattern, String channel, String message) {
                String hash = channel.substring(ProgressKeys.CHANNEL_PREFIX.length());
                if (!SessionHash.isWellFormed(hash)) {
                    return;
                }
                try {
                    listener.accept(new SessionHash(hash), message);
                } catch (RuntimeException e) {
                    // one unreadable message (anyone may PUBLISH here) must not end the subscription
                    LOG.log(Level.WARNING, "AI-PROGRESS [" + hash + "] update not understood: " + e.getMessage());
                }
            }
        };
        Thread thread = threads.newThread(() -> {
            int failures = 0;
            while (open.get()) {
                try {
                    redis.client().psubscribe(pubSub, ProgressKeys.CHANNEL_PREFIX + "*");
                    failures = 0;
                } catch (RuntimeException e) {
                    if (!open.get()) {
                        break;
                    }
                    LOG.log(Level.WARNING, "AI-PROGRESS update subscription lost, reconnecting: {0}", e.getMessage());
                    pause(++failures);
                }
            }
        });
        thread.setName("ai-progress-updates");
        thread.start();
        return () -> {
            open.set(false);
            if (pubSub.isSubscribed()) {
                pubSub.punsubscribe();
            }
            thread.interrupt();
        };
    }

    private static void pause(int failures) {
        try {
            Thread.sleep(Math.min(2000, 50L << Math.min(failures, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
