package com.aicontent.content.control;

import com.aicontent.ai.entity.ArticleBrief;
import com.aicontent.ai.entity.ArticleMeta;
import com.aicontent.ai.entity.FaqEntry;
import com.aicontent.ai.entity.GeneratedImage;
import com.aicontent.ai.entity.TokenUsage;
import com.aicontent.content.entity.Article;
import com.aicontent.content.entity.ArticleDraft;
import com.aicontent.content.entity.ArticleImage;
import com.aicontent.content.entity.ArticleListItem;
import com.aicontent.content.entity.ArticleOrder;
import com.aicontent.content.entity.ArticleSection;
import com.aicontent.content.entity.ArticleStatus;
import com.aicontent.content.entity.ArticleView;
import com.aicontent.content.entity.FaqItem;
import com.aicontent.content.entity.ImageContent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps articles in the database, one short transaction per finished part, so parallel section and
 * image tasks never contend for the same row and nothing finished is lost when a run stops. What a
 * model wrote is made to fit its column first ({@link ColumnFit}): no answer can break a write.
 */
@ApplicationScoped
@OnPlatformThreads
@Transactional
public class ArticleStore {

    /** A note is cut to this; notes stop being added once the column is nearly full. */
    static final int NOTE_LENGTH = 300;

    @PersistenceContext(unitName = "content")
    EntityManager em;

    @Inject
    SafeHtml safeHtml;

    public long create(String sessionHash, ArticleBrief brief, String model, String startedBy) {
        Article article = new Article(sessionHash, ColumnFit.words(brief.title(), Article.TITLE_LENGTH), brief.language(),
                brief.sections(), brief.images(), ColumnFit.words(model, Article.MODEL_LENGTH), Instant.now());
        article.startedBy(startedBy);
        em.persist(article);
        em.flush();
        return article.id();
    }

    public Optional<ArticleDraft> draft(long id) {
        return Optional.ofNullable(em.find(Article.class, id)).map(article -> {
            Map<Integer, String> sections = new LinkedHashMap<>();
            for (ArticleSection section : sections(id)) {
                sections.put(section.position(), section.body());
            }
            Set<Integer> images = imageRows(id).stream().map(row -> (Integer) row[0]).collect(Collectors.toSet());
            ArticleOrder order = new ArticleOrder(article.title(), article.language(), article.sectionCount(), article.imageCount());
            return new ArticleDraft(id, article.sessionHash(), order, List.copyOf(article.headings()), sections, images,
                    article.summary(), article.hasMeta(), !article.faq().isEmpty());
        });
    }

    public void saveHeadings(long id, List<String> headings) {
        article(id).headings(headings.stream().map(heading -> ColumnFit.words(heading, Article.HEADING_LENGTH)).toList());
    }

    /** Keeps a finished section; a section that is already kept stays as it was. */
    public void saveSection(long id, int index, String heading, String body) {
        if (em.createQuery("select count(s) from ArticleSection s where s.articleId = :id and s.position = :position", Long.class)
                .setParameter("id", id).setParameter("position", index).getSingleResult() == 0) {
            em.persist(new ArticleSection(id, index, ColumnFit.words(heading, Article.HEADING_LENGTH),
                    ColumnFit.sentences(body, ArticleSection.BODY_LENGTH)));
        }
    }

    public void saveImage(long id, int index, GeneratedImage image) {
        if (em.createNamedQuery(ArticleImage.ONE, ArticleImage.class)
                .setParameter("id", id).setParameter("position", index).getResultList().isEmpty()) {
            em.persist(new ArticleImage(id, index, contentType(image.contentType()),
                    ColumnFit.words(image.alt(), ArticleImage.ALT_LENGTH), image.bytes()));
        }
    }

    public void saveSummary(long id, String summary) {
        article(id).summary(ColumnFit.sentences(summary, Article.SUMMARY_LENGTH));
    }

    public void saveMeta(long id, ArticleMeta meta) {
        article(id).meta(ColumnFit.words(meta.title(), Article.META_TITLE_LENGTH),
                ColumnFit.words(meta.description(), Article.META_DESCRIPTION_LENGTH),
                meta.keywords().stream().map(keyword -> ColumnFit.words(keyword, Article.KEYWORD_LENGTH)).toList());
    }

    public void saveFaq(long id, List<FaqEntry> faq) {
        article(id).faq(faq.stream().map(entry -> new FaqItem(ColumnFit.words(entry.question(), FaqItem.QUESTION_LENGTH),
                ColumnFit.sentences(entry.answer(), FaqItem.ANSWER_LENGTH))).toList());
    }

    /**
     * Adds what the admin should know about a model's answer, in one UPDATE per note so parallel
     * tasks never overwrite each other's; notes past the column's room are left out.
     *
     * @return all notes of the article, one a line
     */
    public List<String> addNotes(long id, List<String> notes) {
        for (String note : notes) {
            em.createNamedQuery(Article.ADD_NOTE)
                    .setParameter("note", ColumnFit.words(note.replace('\n', ' '), NOTE_LENGTH) + "\n")
                    .setParameter("room", Article.NOTES_LENGTH - NOTE_LENGTH - 1)
                    .setParameter("id", id)
                    .executeUpdate();
        }
        em.flush();
        Article article = article(id);
        em.refresh(article);
        return lines(article.notes());
    }

    /** Adds tokens in one UPDATE, so parallel tasks never overwrite each other's counts. */
    public void addUsage(long id, TokenUsage usage) {
        if (usage.promptTokens() == 0 && usage.completionTokens() == 0) {
            return;
        }
        em.createNamedQuery(Article.ADD_USAGE)
                .setParameter("prompt", usage.promptTokens())
                .setParameter("completion", usage.completionTokens())
                .setParameter("id", id)
                .executeUpdate();
    }

    public void status(long id, ArticleStatus status, String error, String model) {
        Article article = article(id);
        article.status(status, ColumnFit.words(error, Article.ERROR_LENGTH), Instant.now());
        if (model != null) {
            article.model(ColumnFit.words(model, Article.MODEL_LENGTH));
        }
    }

    public void cancelledBy(long id, String user) {
        article(id).cancelledBy(user);
    }

    public void restartedBy(long id, String user) {
        article(id).restartedBy(user);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ArticleView> view(long id) {
        return Optional.ofNullable(em.find(Article.class, id)).map(article -> {
            List<ArticleView.Section> sections = sections(id).stream()
                    .map(s -> new ArticleView.Section(s.position(), s.heading(), s.body(), safeHtml.render(s.body()))).toList();
            List<ArticleView.Image> images = imageRows(id).stream()
                    .map(row -> new ArticleView.Image((Integer) row[0], (String) row[2], (String) row[1],
                            "/api/ai-content/" + id + "/images/" + row[0]))
                    .toList();
            ArticleView.Meta meta = article.hasMeta()
                    ? new ArticleView.Meta(article.metaTitle(), article.metaDescription(), List.copyOf(article.keywords()))
                    : null;
            List<ArticleView.Faq> faq = article.faq().stream().map(f -> new ArticleView.Faq(f.question(), f.answer())).toList();
            return new ArticleView(id, article.sessionHash(), article.title(), article.language().name(),
                    article.status().name(), article.model(), article.error(), lines(article.notes()),
                    List.copyOf(article.headings()), sections,
                    images, article.summary(), meta, faq, article.promptTokens(), article.completionTokens(),
                    text(article.createdAt()), text(article.completedAt()), article.startedBy(), article.cancelledBy(),
                    article.restartedBy());
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ArticleListItem> recent(int limit) {
        return items(em.createNamedQuery(Article.RECENT, Article.class).setMaxResults(limit).getResultList());
    }

    /** The latest that {@code user} started. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ArticleListItem> recentBy(String user, int limit) {
        return items(em.createNamedQuery(Article.RECENT_BY, Article.class).setParameter("user", user)
                .setMaxResults(limit).getResultList());
    }

    private static List<ArticleListItem> items(List<Article> articles) {
        return articles.stream()
                .map(a -> new ArticleListItem(a.id(), a.sessionHash(), a.title(), a.language().name(), a.status().name(),
                        a.model(), text(a.createdAt()), text(a.completedAt()), a.startedBy(), a.cancelledBy(), a.restartedBy()))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ImageContent> image(long id, int index) {
        return em.createNamedQuery(ArticleImage.ONE, ArticleImage.class)
                .setParameter("id", id).setParameter("position", index)
                .getResultStream().findFirst()
                .map(image -> new ImageContent(image.contentType(), image.bytes()));
    }

    private List<ArticleSection> sections(long id) {
        return em.createNamedQuery(ArticleSection.OF_ARTICLE, ArticleSection.class).setParameter("id", id).getResultList();
    }

    private List<Object[]> imageRows(long id) {
        return em.createNamedQuery(ArticleImage.OF_ARTICLE, Object[].class).setParameter("id", id).getResultList();
    }

    private Article article(long id) {
        Article article = em.find(Article.class, id);
        if (article == null) {
            throw new IllegalStateException("no article " + id);
        }
        return article;
    }

    /** An image type as the column takes it; the client only ever sends short {@code image/*} types. */
    private static String contentType(String type) {
        if (type == null || type.length() > ArticleImage.CONTENT_TYPE_LENGTH || !type.startsWith("image/")) {
            throw new IllegalArgumentException("not an image type the column takes: " + ColumnFit.words(type, 60));
        }
        return type;
    }

    private static List<String> lines(String notes) {
        return notes == null ? List.of() : notes.lines().filter(line -> !line.isBlank()).toList();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
