package com.aicontent.generation.control;

import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Defines the executor generations run on. Servers that can (Payara 7) run its tasks on virtual
 * threads, so a task waiting for a model costs no platform thread; the others use platform threads.
 */
@ManagedExecutorDefinition(name = GenerationExecutor.NAME, virtual = true)
@ApplicationScoped
public class GenerationExecutor {

    public static final String NAME = "java:app/concurrent/generation";
}
