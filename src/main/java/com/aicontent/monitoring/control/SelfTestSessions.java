package com.aicontent.monitoring.control;

import com.aicontent.progress.entity.SessionHash;
import com.aicontent.progress.entity.Step;

/**
 * What the polling self-test needs of the progress store: a simulated session of its own, written
 * the way the pipeline writes a real one, and removed afterwards. The self-test depends on this
 * port only, so a change in the store's API touches {@link ProgressStoreSessions} alone.
 * <p>
 * Every method throws {@link SelfTestStopped}, worded for an operator, when Redis cannot be used.
 */
public interface SelfTestSessions {

    /** Where the sessions go, for people: {@code Redis at 127.0.0.1:6379}, never a password. */
    String redis();

    boolean exists(SessionHash hash);

    /** Writes a pending session as a real start does; false when one under that hash existed already. */
    boolean create(SessionHash hash, String title, int sections, int images);

    /** Seconds the session's key has left to live: -2 when missing, -1 when it has no TTL. */
    long timeToLive(SessionHash hash);

    /** Moves the session into {@code step}, processing, at the step's start. */
    void enter(SessionHash hash, Step step);

    /** Marks a section done; progress follows the count within the step's share. */
    void sectionDone(SessionHash hash, Step step, int index);

    /** Marks an image done; progress follows the count within the step's share. */
    void imageDone(SessionHash hash, Step step, int index);

    /** Moves progress to the end of the step's share. */
    void finish(SessionHash hash, Step step);

    void complete(SessionHash hash);

    void delete(SessionHash hash);
}
