package com.aicontent.progress.control;

import com.aicontent.progress.entity.ProgressDocument;
import com.aicontent.progress.entity.SessionHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import redis.clients.jedis.exceptions.JedisException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The leases of running generations, in the sorted set {@code ai_content_running} scored by when
 * each lease ends, by Redis' clock (so instances with skewed clocks agree). Every write of a
 * running generation takes its lease; the instance running it renews it; when the instance dies,
 * the lease runs out and the reaper fails the generation.
 */
@ApplicationScoped
public class RunningLeases {

    private static final Logger LOG = Logger.getLogger(RunningLeases.class.getName());
    private static final RedisScript RENEW = new RedisScript("renew-leases.lua");
    private static final RedisScript REAP = new RedisScript("reap-stalled.lua");

    @Inject
    RedisConnection redis;

    @Inject
    ProgressKeys keys;

    @Inject
    ProgressJson json;

    /** Renews the leases of the generations this instance runs, in one round trip. */
    public void renew(Collection<SessionHash> running) {
        if (running.isEmpty()) {
            return;
        }
        List<String> args = new ArrayList<>(List.of(Long.toString(keys.lease().toSeconds()), Integer.toString(keys.ttlSeconds())));
        running.forEach(hash -> args.add(hash.value()));
        try {
            redis.run(RENEW, List.of(ProgressKeys.RUNNING), args);
        } catch (JedisException e) {
            LOG.log(Level.WARNING, "AI-PROGRESS could not renew the leases of {0} generations: {1}",
                    new Object[]{running.size(), e.getMessage()});
        }
    }

    /**
     * Fails, atomically, every generation whose lease ran out while it was still pending or
     * processing: the instance running it died. Safe to run on every instance at once.
     *
     * @param messages the {@code current_message} by language, and the {@code error} under "error"
     * @return the documents it failed
     */
    public List<ProgressDocument> reapStalled(Map<String, String> messages) {
        try {
            List<?> failed = (List<?>) redis.run(REAP, List.of(ProgressKeys.RUNNING), List.of(
                    ProgressDocuments.now(), Integer.toString(keys.ttlSeconds()), json.json(messages),
                    ProgressKeys.PROGRESS_PREFIX, ProgressKeys.CHANNEL_PREFIX));
            return failed.stream().map(document -> json.document((String) document)).toList();
        } catch (JedisException e) {
            LOG.log(Level.WARNING, "AI-PROGRESS could not look for stalled generations: {0}", e.getMessage());
            return List.of();
        }
    }
}
