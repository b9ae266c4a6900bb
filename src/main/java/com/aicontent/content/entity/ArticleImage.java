package com.aicontent.content.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** One finished image with its bytes, content type and alt text. */
@Entity
@Table(name = "ai_content_image", uniqueConstraints = @UniqueConstraint(name = "ai_content_image_once",
        columnNames = {"article_id", "position"}))
@NamedQuery(name = ArticleImage.OF_ARTICLE,
        query = "select i.position, i.contentType, i.alt from ArticleImage i where i.articleId = :id order by i.position")
@NamedQuery(name = ArticleImage.ONE,
        query = "select i from ArticleImage i where i.articleId = :id and i.position = :position")
public class ArticleImage {

    public static final String OF_ARTICLE = "ArticleImage.ofArticle";
    public static final String ONE = "ArticleImage.one";
    public static final int CONTENT_TYPE_LENGTH = 100;
    public static final int ALT_LENGTH = 1000;

    @Id
    @SequenceGenerator(name = "ai_content_image_seq", sequenceName = "ai_content_image_seq", initialValue = 10, allocationSize = 10)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ai_content_image_seq")
    Long id;

    @Column(name = "article_id", nullable = false)
    long articleId;

    @Column(name = "position", nullable = false)
    int position;

    @Column(name = "content_type", length = CONTENT_TYPE_LENGTH, nullable = false)
    String contentType;

    @Column(name = "alt", length = ALT_LENGTH)
    String alt;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "bytes", length = 20_000_000, nullable = false)
    byte[] bytes;

    protected ArticleImage() {
    }

    public ArticleImage(long articleId, int position, String contentType, String alt, byte[] bytes) {
        this.articleId = articleId;
        this.position = position;
        this.contentType = contentType;
        this.alt = alt;
        this.bytes = bytes;
    }

    public int position() { return position; }
    public String contentType() { return contentType; }
    public String alt() { return alt; }
    public byte[] bytes() { return bytes; }
}
