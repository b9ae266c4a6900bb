package com.aicontent.generation.entity;

import com.aicontent.ai.entity.ArticleBrief;
import com.aicontent.language.Language;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an admin asks for when starting a generation; the language is Persian unless it says otherwise. */
@Schema(description = "The article to write", example = "{\"title\": \"Green tea\", \"language\": \"en\", \"sections\": 4, \"images\": 2}")
public record GenerationRequest(
        @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters") String title,
        @Pattern(regexp = "fa|en", message = "must be fa or en") String language,
        @NotNull(message = "must be a number from 1 to 20") @Min(value = 1, message = "must be a number from 1 to 20")
        @Max(value = 20, message = "must be a number from 1 to 20") Integer sections,
        @NotNull(message = "must be a number from 0 to 20") @Min(value = 0, message = "must be a number from 0 to 20")
        @Max(value = 20, message = "must be a number from 0 to 20") Integer images) {

    public ArticleBrief brief() {
        return new ArticleBrief(title.strip(), language == null ? Language.fa : Language.valueOf(language), sections, images);
    }
}
