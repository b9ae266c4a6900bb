package com.aicontent.progress.entity;

/** Redis did not answer, even after the store's retries. The message never holds credentials. */
public class RedisUnavailableException extends RuntimeException {

    public RedisUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
