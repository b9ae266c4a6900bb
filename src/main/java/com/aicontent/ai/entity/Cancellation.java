package com.aicontent.ai.entity;

/**
 * Lets a model call learn that its generation was cancelled, and abort at once rather than
 * finish a slow call whose answer nobody wants.
 */
public interface Cancellation {

    Cancellation NEVER = new Cancellation() {
        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public Runnable onCancel(Runnable abort) {
            return () -> { };
        }
    };

    boolean isCancelled();

    /**
     * Runs {@code abort} when the generation is cancelled (at once if it already is).
     *
     * @return removes the callback again, for a call that finished normally
     */
    Runnable onCancel(Runnable abort);

    /**
     * Names the work in log lines, e.g. the session hash, so that one generation's model calls
     * (retries included) can be followed by grepping for it. Empty when there is nothing to name.
     */
    default String label() {
        return "";
    }

    default void throwIfCancelled() {
        if (isCancelled()) {
            throw new GenerationCancelledException();
        }
    }
}
