package com.aicontent.progress.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.aicontent.progress.entity.SessionHash;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Bounds how many generations one user runs at once ({@code GENERATION_MAX_PER_USER}, 0 for no
 * bound) across every instance: the claim is one Lua script in Redis, so two starts at the same
 * moment cannot both take the last slot. A slot frees itself when its generation leaves the
 * running set that the progress store keeps, so no release is needed after a run ends.
 */
@ApplicationScoped
public class GenerationSlots {

    static final String KEY_PREFIX = "ai_content_user_slots:";
    private static final String SCRIPT = ProgressStore.loadScript("claim-generation-slot.lua");
    /** How long a claim may wait for its progress document before it counts as abandoned. */
    private static final int CLAIM_GRACE_SECONDS = 60;

    @Inject
    ProgressStore store;

    @Inject
    @ConfigProperty(name = "GENERATION_MAX_PER_USER", defaultValue = "0")
    int maxPerUser;

    @Inject
    @ConfigProperty(name = "PROGRESS_TTL_SECONDS", defaultValue = "3600")
    int ttlSeconds;

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
        List<?> answer = (List<?>) store.eval(SCRIPT, List.of(key(user), ProgressStore.RUNNING_KEY),
                List.of(Integer.toString(maxPerUser), hash.value(), Integer.toString(CLAIM_GRACE_SECONDS),
                        Integer.toString(ttlSeconds), ProgressStore.KEY_PREFIX));
        return switch (((Long) answer.get(0)).intValue()) {
            case 1 -> Claim.TAKEN;
            case 2 -> Claim.HELD_ALREADY;
            default -> Claim.NONE_LEFT;
        };
    }

    /** Gives back a slot {@link #claim} took, when the start it was taken for did not happen. */
    public void release(String user, SessionHash hash, Claim claim) {
        if (claim == Claim.TAKEN) {
            store.eval("return redis.call('ZREM', KEYS[1], ARGV[1])", List.of(key(user)), List.of(hash.value()));
        }
    }

    /** User names come from the identity provider; encoded, none can reach outside our key space. */
    static String key(String user) {
        return KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(user.getBytes(StandardCharsets.UTF_8));
    }
}
