package com.aicontent.progress.control;

import java.time.Duration;

/** The fake the generation package's unit tests run on keeps the same rules as the Redis store. */
class InMemoryProgressStoreTest extends ProgressStoreContract {

    final InMemoryProgressStore store = new InMemoryProgressStore();

    @Override
    ProgressStore store() {
        return store;
    }

    @Override
    ProgressStore storeWithLease(Duration lease) {
        return store.withLease(lease);
    }
}
