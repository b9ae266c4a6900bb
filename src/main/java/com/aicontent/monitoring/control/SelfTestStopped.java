package com.aicontent.monitoring.control;

/**
 * The self-test cannot go on: Redis or the application cannot be reached. The message is the
 * sentence the operator reads (what failed, where, what to check), never a Java class name.
 */
public class SelfTestStopped extends RuntimeException {

    public SelfTestStopped(String sentence) {
        super(sentence, null, false, false);
    }
}
