package com.aicontent.content.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** One finished section; kept as soon as it is written so a restart never writes it again. */
@Entity
@Table(name = "ai_content_section", uniqueConstraints = @UniqueConstraint(name = "ai_content_section_once",
        columnNames = {"article_id", "position"}))
@NamedQuery(name = ArticleSection.OF_ARTICLE,
        query = "select s from ArticleSection s where s.articleId = :id order by s.position")
public class ArticleSection {

    public static final String OF_ARTICLE = "ArticleSection.ofArticle";
    public static final int BODY_LENGTH = 100_000;

    @Id
    @SequenceGenerator(name = "ai_content_section_seq", sequenceName = "ai_content_section_seq", initialValue = 10, allocationSize = 10)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ai_content_section_seq")
    Long id;

    @Column(name = "article_id", nullable = false)
    long articleId;

    @Column(name = "position", nullable = false)
    int position;

    @Column(name = "heading", length = Article.HEADING_LENGTH)
    String heading;

    @Column(name = "body", length = BODY_LENGTH)
    String body;

    protected ArticleSection() {
    }

    public ArticleSection(long articleId, int position, String heading, String body) {
        this.articleId = articleId;
        this.position = position;
        this.heading = heading;
        this.body = body;
    }

    public int position() { return position; }
    public String heading() { return heading; }
    public String body() { return body; }
}
