package com.aicontent.progress.control;

import com.aicontent.progress.entity.SessionHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.exceptions.JedisException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Bounds how many generations one user runs at once ({@code GENERATION_MAX_PER_USER}, 0 for no
 * bound) across every instance: the claim is one Lua script in Redis, so two starts at the same
 * moment cannot both take the last slot. A slot frees itself once its generation's document is
 * terminal or gone, so no release is needed after a run ends.
 */
@ApplicationScoped
public class GenerationSlots {

    static final String KEY_PREFIX = "ai_content_user_slots:";
    private static final RedisScript CLAIM = new RedisScript("claim-generation-slot.lua");
    private static final RedisScript RELEASE = new RedisScript("release-generation-slot.lua");
    /** How long a claim may wait for its progress document before it counts as abandoned. */
    private static final int CLAIM_GRACE_SECONDS = 60;

    @Inject
    RedisConnection redis;

    @Inject
    ProgressKeys keys;

    @Inject
    @ConfigProperty(name = "GENERATION_MAX_PER_USER", defaultValue = "0")
    int maxPerUser;

    /** What a claim did; only a {@code TAKEN} slot is given back when its start does not happen. */
    public enum Claim { TAKEN, HELD_ALREADY, NONE_LEFT }

    public int maxPerUser() {
        return maxPerUser;
    }

    /** Takes a slot for {@code hash}, unless the user already runs the most allowed. */
    public Claim claim(String user, SessionHash hash) {
        if (maxPerUser <= 0) {
            return Claim.HELD_ALREADY;
        }
        try {
            List<?> answer = (List<?>) redis.run(CLAIM, List.of(key(user)), List.of(Integer.toString(maxPerUser),
                    hash.value(), Integer.toString(CLAIM_GRACE_SECONDS), Integer.toString(keys.ttlSeconds()),
                    ProgressKeys.PROGRESS_PREFIX));
            return switch (((Long) answer.get(0)).intValue()) {
                case 1 -> Claim.TAKEN;
                case 2 -> Claim.HELD_ALREADY;
                default -> Claim.NONE_LEFT;
            };
        } catch (JedisException e) {
            throw redis.unavailable("the claim of a generation slot", e);
        }
    }

    /** Gives back a slot {@link #claim} took, when the start it was taken for did not happen. */
    public void release(String user, SessionHash hash, Claim claim) {
        if (claim == Claim.TAKEN) {
            try {
                redis.run(RELEASE, List.of(key(user)), List.of(hash.value()));
            } catch (JedisException e) {
                throw redis.unavailable("the release of a generation slot", e);
            }
        }
    }

    /** User names come from the identity provider; encoded, none can reach outside our key space. */
    static String key(String user) {
        return KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(user.getBytes(StandardCharsets.UTF_8));
    }
}
