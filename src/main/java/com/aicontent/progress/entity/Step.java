package com.aicontent.progress.entity;

/**
 * The seven steps of a generation in their fixed order, named as the progress document names them,
 * with the share of the progress bar the contract gives each: a step starts at {@link #startsAt()}
 * and has reached {@link #endsAt()} when it is done. Sections and images move the bar within their
 * step by the share of their parts that are done.
 */
public enum Step {
    initialization(0, 0, null),
    heading_generation(16, 16, null),
    section_generation(32, 48, PartKind.section),
    image_generation(48, 65, PartKind.image),
    summary_generation(65, 75, null),
    meta_generation(75, 85, null),
    faq_generation(85, 100, null);

    private final int startsAt;
    private final int endsAt;
    private final PartKind parts;

    Step(int startsAt, int endsAt, PartKind parts) {
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.parts = parts;
    }

    public int startsAt() {
        return startsAt;
    }

    public int endsAt() {
        return endsAt;
    }

    /** The parts whose count moves the bar within this step, or {@code null}. */
    public PartKind parts() {
        return parts;
    }
}
