package com.aicontent.content.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.Semaphore;

/**
 * How many pieces of the generations' database work run at once ({@code DATABASE_MAX_CONCURRENT_WORK}):
 * fewer than the connection pool holds, so a task never fails for want of a connection; the rest
 * wait their turn, first come first served.
 */
@ApplicationScoped
public class DatabaseWorkSlots {

    @Inject
    @ConfigProperty(name = "DATABASE_MAX_CONCURRENT_WORK", defaultValue = "8")
    int size;

    private Semaphore slots;

    @PostConstruct
    void open() {
        slots = new Semaphore(Math.max(1, size), true);
    }

    void take() throws InterruptedException {
        slots.acquire();
    }

    void giveBack() {
        slots.release();
    }

    /** Tasks waiting for a slot now, for operators. */
    public int waiting() {
        return slots.getQueueLength();
    }
}
