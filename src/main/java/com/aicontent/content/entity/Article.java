package com.aicontent.content.entity;

import com.aicontent.language.Language;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A generated article; its id is the {@code ai_content_id} of the progress document. It is created
 * when a generation starts and filled as the steps finish, so a restart can resume where the
 * previous run stopped. Sections and images are their own rows, written by parallel tasks.
 */
/*
 * Ids come from sequences, not IDENTITY columns: sequences behave the same on H2 and PostgreSQL
 * with both JPA providers. The tables are created by META-INF/sql/create.sql.
 */
@Entity
@Table(name = "ai_content", indexes = @Index(name = "ai_content_created", columnList = "created_at"))
@NamedQuery(name = Article.RECENT, query = "select a from Article a order by a.createdAt desc, a.id desc")
@NamedQuery(name = Article.RECENT_BY, query = "select a from Article a where a.startedBy = :user order by a.createdAt desc, a.id desc")
@NamedQuery(name = Article.ADD_NOTE, query = "update Article a set a.notes = concat(coalesce(a.notes, ''), :note) "
        + "where a.id = :id and (a.notes is null or length(a.notes) <= :room)")
@NamedQuery(name = Article.ADD_USAGE, query = "update Article a set a.promptTokens = a.promptTokens + :prompt, "
        + "a.completionTokens = a.completionTokens + :completion where a.id = :id")
public class Article {

    public static final String RECENT = "Article.recent";
    public static final String RECENT_BY = "Article.recentBy";
    public static final String ADD_USAGE = "Article.addUsage";
    public static final String ADD_NOTE = "Article.addNote";

    /* The lengths of the columns in META-INF/sql/create.sql; what is saved is made to fit them first. */
    public static final int TITLE_LENGTH = 200;
    public static final int MODEL_LENGTH = 200;
    public static final int HEADING_LENGTH = 500;
    public static final int SUMMARY_LENGTH = 20_000;
    public static final int META_TITLE_LENGTH = 200;
    public static final int META_DESCRIPTION_LENGTH = 500;
    public static final int KEYWORD_LENGTH = 200;
    public static final int ERROR_LENGTH = 2000;
    public static final int NOTES_LENGTH = 2000;

    @Id
    @SequenceGenerator(name = "ai_content_seq", sequenceName = "ai_content_seq", initialValue = 10, allocationSize = 10)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ai_content_seq")
    Long id;

    @Column(name = "session_hash", length = 12, nullable = false, unique = true)
    String sessionHash;

    @Column(name = "title", length = TITLE_LENGTH, nullable = false)
    String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "language", length = 2, nullable = false)
    Language language;

    @Column(name = "section_count", nullable = false)
    int sectionCount;

    @Column(name = "image_count", nullable = false)
    int imageCount;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 16, nullable = false)
    ArticleStatus status;

    @Column(name = "model", length = MODEL_LENGTH)
    String model;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ai_content_heading", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "position")
    @Column(name = "heading", length = HEADING_LENGTH)
    List<String> headings = new ArrayList<>();

    @Column(name = "summary", length = SUMMARY_LENGTH)
    String summary;

    @Column(name = "meta_title", length = META_TITLE_LENGTH)
    String metaTitle;

    @Column(name = "meta_description", length = META_DESCRIPTION_LENGTH)
    String metaDescription;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ai_content_keyword", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "position")
    @Column(name = "keyword", length = KEYWORD_LENGTH)
    List<String> keywords = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ai_content_faq", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "position")
    List<FaqItem> faq = new ArrayList<>();

    @Column(name = "prompt_tokens", nullable = false)
    long promptTokens;

    @Column(name = "completion_tokens", nullable = false)
    long completionTokens;

    @Column(name = "error", length = ERROR_LENGTH)
    String error;

    /** What the admin should know about how the model answered ("asked for 8 headings, got 5"), one per line. */
    @Column(name = "notes", length = NOTES_LENGTH)
    String notes;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "completed_at")
    Instant completedAt;

    /** Who started, last cancelled and last restarted it: preferred_username, else sub. */
    @Column(name = "started_by", length = 200)
    String startedBy;

    @Column(name = "cancelled_by", length = 200)
    String cancelledBy;

    @Column(name = "restarted_by", length = 200)
    String restartedBy;

    protected Article() {
    }

    public Article(String sessionHash, String title, Language language, int sectionCount, int imageCount,
                   String model, Instant createdAt) {
        this.sessionHash = sessionHash;
        this.title = title;
        this.language = language;
        this.sectionCount = sectionCount;
        this.imageCount = imageCount;
        this.model = model;
        this.createdAt = createdAt;
        this.status = ArticleStatus.processing;
    }

    public Long id() { return id; }
    public String sessionHash() { return sessionHash; }
    public String title() { return title; }
    public Language language() { return language; }
    public int sectionCount() { return sectionCount; }
    public int imageCount() { return imageCount; }
    public ArticleStatus status() { return status; }
    public String model() { return model; }
    public List<String> headings() { return headings; }
    public String summary() { return summary; }
    public String metaTitle() { return metaTitle; }
    public String metaDescription() { return metaDescription; }
    public List<String> keywords() { return keywords; }
    public List<FaqItem> faq() { return faq; }
    public long promptTokens() { return promptTokens; }
    public long completionTokens() { return completionTokens; }
    public String error() { return error; }
    public String notes() { return notes; }
    public Instant createdAt() { return createdAt; }
    public Instant completedAt() { return completedAt; }
    public String startedBy() { return startedBy; }
    public String cancelledBy() { return cancelledBy; }
    public String restartedBy() { return restartedBy; }

    public void startedBy(String user) {
        startedBy = user;
    }

    public void cancelledBy(String user) {
        cancelledBy = user;
    }

    public void restartedBy(String user) {
        restartedBy = user;
    }

    public boolean hasMeta() {
        return metaTitle != null;
    }

    /** The outline; the article has as many sections as it has headings, whatever was asked for. */
    public void headings(List<String> newHeadings) {
        headings.clear();
        headings.addAll(newHeadings);
        sectionCount = newHeadings.size();
    }

    public void summary(String newSummary) {
        summary = newSummary;
    }

    public void meta(String newTitle, String newDescription, List<String> newKeywords) {
        metaTitle = newTitle;
        metaDescription = newDescription;
        keywords.clear();
        keywords.addAll(newKeywords);
    }

    public void faq(List<FaqItem> items) {
        faq.clear();
        faq.addAll(items);
    }

    public void model(String newModel) {
        model = newModel;
    }

    /** Moves to a new status; a completed article stays completed. */
    public void status(ArticleStatus newStatus, String newError, Instant now) {
        if (status == ArticleStatus.completed) {
            return;
        }
        status = newStatus;
        error = newError;
        if (newStatus == ArticleStatus.completed) {
            completedAt = now;
        }
    }
}
