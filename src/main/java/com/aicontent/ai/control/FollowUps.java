package com.aicontent.ai.control;

import com.aicontent.language.Language;

/**
 * What the model is told when its answer needs another go, in the article's language: to go on
 * where it was cut, or how many items it still owes.
 */
final class FollowUps {

    private FollowUps() {
    }

    /** Asks a model whose answer was cut at its output limit to go on from where it stopped. */
    static String continuation(Language language) {
        return switch (language) {
            case en -> "Your answer was cut off. Continue exactly where it stopped, in the middle of a sentence if need be: "
                    + "repeat nothing that is already written, and add no remarks.";
            case fa -> "پاسخ شما ناتمام ماند. دقیقاً از همان جایی که قطع شد ادامه دهید، حتی اگر وسط جمله باشد: "
                    + "چیزی از آنچه نوشته شده را تکرار نکنید و توضیحی اضافه نکنید.";
        };
    }

    /** Points out a count the model missed, and asks for the whole answer again. */
    static String shortfall(Language language, Counted what, int got, int min, int max) {
        String wanted = switch (language) {
            case en -> min == max ? "exactly " + min : "%d to %d".formatted(min, max);
            case fa -> min == max ? "دقیقاً " + ArticlePrompts.number(language, min) : "%s تا %s".formatted(ArticlePrompts.number(language, min), ArticlePrompts.number(language, max));
        };
        return switch (language) {
            case en -> "You wrote %d %s, but %s are needed. Answer again with all of them, in the same JSON shape."
                    .formatted(got, what.english, wanted);
            case fa -> "شما %s %s نوشتید، اما %s %s لازم است. دوباره با همه آن‌ها و با همان قالب JSON پاسخ دهید."
                    .formatted(ArticlePrompts.number(language, got), what.persian, wanted, what.persian);
        };
    }

    /** The items a count is about, in both languages. */
    enum Counted {
        HEADINGS("headings", "عنوان"), FAQ("questions with answers", "پرسش و پاسخ"), KEYWORDS("keywords", "عبارت کلیدی");

        final String english;
        final String persian;

        Counted(String english, String persian) {
            this.english = english;
            this.persian = persian;
        }
    }
}
