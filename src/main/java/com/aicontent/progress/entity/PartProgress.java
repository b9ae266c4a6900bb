package com.aicontent.progress.entity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The state of one section or image of a generation, as listed in the progress document.
 *
 * @param characters while a streaming model writes the part: its length so far; absent otherwise
 * @param preview    while a streaming model writes the part: the end of its text so far, as plain text
 * @param error      why a failed part could not be had
 */
public record PartProgress(int index, String heading, PartStatus status,
                           @Schema(description = "Characters written so far, while a streaming model writes this part") Integer characters,
                           @Schema(description = "The end of the text written so far, while a streaming model writes this part") String preview,
                           @Schema(description = "Why a failed part could not be had") String error) {

    /** A part as the outline lists it, or once it is done. (A factory: JSON-B reads a record through its one constructor.) */
    public static PartProgress of(int index, String heading, PartStatus status) {
        return new PartProgress(index, heading, status, null, null, null);
    }
}
