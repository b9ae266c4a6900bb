package com.aicontent.progress.entity;

/**
 * The seven steps of a generation in their fixed order, with the share of the progress bar the
 * contract gives each: a step starts at {@link #startsAt()} and has reached {@link #endsAt()} when
 * it is done.
 */
public enum Step {
    INITIALIZATION("initialization", 0, 0),
    HEADING_GENERATION("heading_generation", 16, 16),
    SECTION_GENERATION("section_generation", 32, 48),
    IMAGE_GENERATION("image_generation", 48, 65),
    SUMMARY_GENERATION("summary_generation", 65, 75),
    META_GENERATION("meta_generation", 75, 85),
    FAQ_GENERATION("faq_generation", 85, 100);

    private final String wireName;
    private final int startsAt;
    private final int endsAt;

    Step(String wireName, int startsAt, int endsAt) {
        this.wireName = wireName;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
    }

    /** The name in the progress document, e.g. {@code section_generation}. */
    public String wireName() {
        return wireName;
    }

    public int startsAt() {
        return startsAt;
    }

    public int endsAt() {
        return endsAt;
    }

    public static Step ofWireName(String name) {
        for (Step step : values()) {
            if (step.wireName.equals(name)) {
                return step;
            }
        }
        throw new IllegalArgumentException("unknown step: " + name);
    }
}
