package com.aicontent.progress.control;

import com.aicontent.progress.entity.ProgressDocument;
import com.aicontent.progress.entity.ProgressWrite;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/** Reads progress documents and writes {@link ProgressWrite}s as the Lua scripts expect them. */
@ApplicationScoped
public class ProgressJson implements AutoCloseable {

    private final Jsonb jsonb = JsonbBuilder.create();

    public ProgressDocument document(String json) {
        return jsonb.fromJson(json, ProgressDocument.class);
    }

    String write(ProgressWrite write) {
        return jsonb.toJson(write);
    }

    String json(Object value) {
        return jsonb.toJson(value);
    }

    @PreDestroy
    @Override
    public void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            // nothing is left to flush
        }
    }
}
