package com.aicontent.content.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One question and answer of an article's FAQ, as stored. */
@Embeddable
public class FaqItem {

    @Column(name = "question", length = 2000)
    String question;

    @Column(name = "answer", length = 20000)
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
