package com.aicontent.progress.entity;

/** What the store's script did with a {@link ProgressWrite}. */
public enum WriteOutcome {
    /** A new document was stored. */
    CREATED,
    /** A document under that hash existed already; nothing was written. */
    EXISTS,
    /** The write changed the document. */
    APPLIED,
    /** The document already was what the write asked for (a second cancel). */
    UNCHANGED,
    /** The write came too late: the generation is terminal or was restarted since. */
    IGNORED,
    /** The generation's status does not allow the write (cancel a completed one, restart a running one). */
    CONFLICT,
    /** No document under that hash: never created, or expired. */
    MISSING;

}
