package com.aicontent.progress.entity;

/** The parts of an article that are generated one task each, with the document fields that count them. */
public enum PartKind {
    section("sections", "completed_sections", "total_sections"),
    image("images", "completed_images", "total_images");

    private final String list;
    private final String done;
    private final String total;

    PartKind(String list, String done, String total) {
        this.list = list;
        this.done = done;
        this.total = total;
    }

    /** The document's list of these parts, e.g. {@code sections}. */
    public String list() {
        return list;
    }

    /** The document's count of finished parts, e.g. {@code completed_sections}. */
    public String done() {
        return done;
    }

    /** The document's count of all parts, e.g. {@code total_sections}. */
    public String total() {
        return total;
    }
}
