package com.aicontent.content.control;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Hands database work that arrives on a virtual thread to a platform thread, and waits for it.
 * JDBC drivers, JPA providers and bean validation load classes and hold locks inside code that pins
 * a virtual thread to its carrier; with as many carriers as cores, a few such tasks waiting on one
 * that is unmounted stop every virtual thread of the server (seen on 2 cores: generations hung
 * for minutes). The waiting virtual thread parks without pinning. It runs before
 * {@code @Transactional} (priority 200), so the transaction lives on the platform thread.
 */
@OnPlatformThreads
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class PlatformThreadHandOff {

    @Resource(lookup = DatabaseExecutor.NAME)
    ExecutorService platformThreads;

    @Inject
    DatabaseWorkSlots slots;

    @AroundInvoke
    Object onPlatformThread(InvocationContext invocation) throws Exception {
        if (!Thread.currentThread().isVirtual()) {
            return invocation.proceed();
        }
        slots.take();
        try {
            Future<Object> done = platformThreads.submit(invocation::proceed);
            try {
                return done.get();
            } catch (InterruptedException e) {
                done.cancel(true);
                throw e;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw e;
            }
        } finally {
            slots.giveBack();
        }
    }
}
