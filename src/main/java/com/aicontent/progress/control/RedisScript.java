package com.aicontent.progress.control;

import com.aicontent.progress.entity.ProgressVocabulary;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One of our Lua scripts, sent once with SCRIPT LOAD and then run by its SHA. Every script gets the
 * generated vocabulary (steps, parts, terminal statuses) and the document functions they share.
 */
final class RedisScript {

    private static final String SHARED = ProgressVocabulary.luaPrelude() + resource("progress-document.lua");

    private final String source;
    private volatile String sha;

    RedisScript(String name) {
        this.source = SHARED + resource(name);
    }

    Object run(UnifiedJedis redis, List<String> keys, List<String> args) {
        if (sha == null) {
            sha = redis.scriptLoad(source);
        }
        try {
            return redis.evalsha(sha, keys, args);
        } catch (JedisNoScriptException e) {
            // Redis restarted or was flushed: load the script again, once
            sha = redis.scriptLoad(source);
            return redis.evalsha(sha, keys, args);
        }
    }

    private static String resource(String name) {
        try (InputStream in = RedisScript.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no script " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
