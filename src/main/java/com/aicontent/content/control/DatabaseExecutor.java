package com.aicontent.content.control;

import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/** Defines the platform threads that database work of the generations runs on. */
@ManagedExecutorDefinition(name = DatabaseExecutor.NAME, virtual = false)
@ApplicationScoped
public class DatabaseExecutor {

    public static final String NAME = "java:app/concurrent/database";
}
