package com.aicontent.content.control;

import com.aicontent.ai.entity.ArticleBrief;
import com.aicontent.ai.entity.ArticleMeta;
import com.aicontent.ai.entity.FaqEntry;
import com.aicontent.ai.entity.GeneratedImage;
import com.aicontent.ai.entity.TokenUsage;
import com.aicontent.content.entity.ArticleDraft;
import com.aicontent.content.entity.ArticleOrder;
import com.aicontent.content.entity.ArticleStatus;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The articles in memory, for unit tests of the generation package: what the pipeline saves and
 * reads back, with the same "a part is kept once" rule as the database's unique constraints.
 */
public class InMemoryArticleStore extends ArticleStore {

    /** One article as the database would hold it. */
    public static final class Row {
        public final String sessionHash;
        public final ArticleOrder order;
        public volatile List<String> headings = List.of();
        public final Map<Integer, String> sections = new ConcurrentHashMap<>();
        public final Set<Integer> images = ConcurrentHashMap.newKeySet();
        public volatile String summary;
        public volatile ArticleMeta meta;
        public volatile List<FaqEntry> faq = List.of();
        public final List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();
        public final AtomicLong promptTokens = new AtomicLong();
        public final AtomicLong completionTokens = new AtomicLong();
        public volatile ArticleStatus status = ArticleStatus.processing;
        public volatile String error;
        public volatile String model;

        Row(String sessionHash, ArticleOrder order) {
            this.sessionHash = sessionHash;
            this.order = order;
        }
    }

    private final Map<Long, Row> rows = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(100);

    public Row row(long id) {
        return rows.get(id);
    }

    @Override
    public long create(String sessionHash, ArticleBrief brief, String model, String startedBy) {
        long id = ids.incrementAndGet();
        Row row = new Row(sessionHash, new ArticleOrder(brief.title(), brief.language(), brief.sections(), brief.images()));
        row.model = model;
        rows.put(id, row);
        return id;
    }

    @Override
    public Optional<ArticleDraft> draft(long id) {
        return Optional.ofNullable(rows.get(id)).map(row -> new ArticleDraft(id, row.sessionHash, row.order,
                row.headings, new TreeMap<>(row.sections), Set.copyOf(row.images), row.summary, row.meta != null,
                !row.faq.isEmpty()));
    }

    @Override
    public void saveHeadings(long id, List<String> headings) {
        existing(id).headings = List.copyOf(headings);
    }

    @Override
    public void saveSection(long id, int index, String heading, String body) {
        existing(id).sections.putIfAbsent(index, body);
    }

    @Override
    public void saveImage(long id, int index, GeneratedImage image) {
        existing(id).images.add(index);
    }

    @Override
    public void saveSummary(long id, String summary) {
        existing(id).summary = summary;
    }

    @Override
    public void saveMeta(long id, ArticleMeta meta) {
        existing(id).meta = meta;
    }

    @Override
    public void saveFaq(long id, List<FaqEntry> faq) {
        existing(id).faq = List.copyOf(faq);
    }

    @Override
    public List<String> addNotes(long id, List<String> notes) {
        row(id).notes.addAll(notes);
        return List.copyOf(row(id).notes);
    }

    @Override
    public void addUsage(long id, TokenUsage usage) {
        Row row = existing(id);
        row.promptTokens.addAndGet(usage.promptTokens());
        row.completionTokens.addAndGet(usage.completionTokens());
    }

    @Override
    public void status(long id, ArticleStatus status, String error, String model) {
        Row row = existing(id);
        row.status = status;
        row.error = error;
        if (model != null) {
            row.model = model;
        }
    }

    private Row existing(long id) {
        Row row = rows.get(id);
        if (row == null) {
            throw new IllegalStateException("no article " + id);
        }
        return row;
    }
}
