package com.aicontent.content.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One question and answer of an article's FAQ, as stored. */
@Embeddable
public class FaqItem {

    public static final int QUESTION_LENGTH = 2000;
    public static final int ANSWER_LENGTH = 20_000;

    @Column(name = "question", length = QUESTION_LENGTH)
    String question;

    @Column(name = "answer", length = ANSWER_LENGTH)
    String answer;

    protected FaqItem() {
    }

    public FaqItem(String question, String answer) {
        this.question = question;
        this.answer = answer;
    }

    public String question() {
        return question;
    }

    public String answer() {
        return answer;
    }
}
