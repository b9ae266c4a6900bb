package com.aicontent.progress.entity;

/** The status of a generation as the progress document names it. */
public enum ProgressStatus {
    pending, processing, completed, failed, cancelled;

    /** Once terminal, no late write from a task still running may change the document. */
    public boolean isTerminal() {
        return this == completed || this == failed || this == cancelled;
    }
}
