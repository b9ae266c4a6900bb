package com.aicontent.progress.entity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The state of one section or image of a generation, as listed in the progress document.
 *
 * @param characters while a streaming model writes the part: its length so far; absent otherwise
 * @param preview    while a streaming model writes the part: the end of its text so far, as plain text
 */
public record PartProgress(int index, String heading, PartStatus status,
                           @Schema(description = "Characters written so far, while a streaming model writes this part") Integer characters,
                           @Schema(description = "The end of the text written so far, while a streaming model writes this part") String preview) {

    public PartProgress(int index, String heading, PartStatus status) {
        this(index, heading, status, null, null);
    }
}
