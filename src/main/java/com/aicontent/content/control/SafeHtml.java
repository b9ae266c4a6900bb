package com.aicontent.content.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns Markdown written by a model into HTML that is safe to put into a page: sub-headings,
 * paragraphs, lists, emphasis, code, quotes and links, nothing else. Two independent layers, so
 * that a gap in one is not a hole: CommonMark escapes any raw HTML the model wrote and drops unsafe
 * link targets while rendering, and an allow-list sanitizer then keeps only the elements and
 * attributes listed here. Images from the model are shown as their alt text (a model-chosen URL is
 * a tracking pixel at best); links get {@code rel="nofollow noopener"} and only http, https and
 * mailto targets.
 *
 * <p>Headings inside a section start at {@code h3}: the article's own title is {@code h1} and the
 * section's heading {@code h2}. The parser, renderer and policy are immutable and thread-safe.
 */
@ApplicationScoped
public class SafeHtml {

    private static final List<String> LINK_SCHEMES = List.of("http", "https", "mailto");
    private static final Pattern CODE_LANGUAGE = Pattern.compile("language-[A-Za-z0-9_+#.-]{1,40}");
    private static final Pattern LIST_START = Pattern.compile("[0-9]{1,9}");
    private static final int HIGHEST_HEADING = 3;

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(LINK_SCHEMES))
            .percentEncodeUrls(true)
            .nodeRendererFactory(ImageAsText::new)
            .nodeRendererFactory(SubHeading::new)
            .build();
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h3", "h4", "h5", "h6", "ul", "ol", "li",
                    "em", "strong", "code", "pre", "blockquote", "a")
            .allowAttributes("href").matching(SafeHtml::isSafeLink).onElements("a")
            .allowAttributes("start").matching(LIST_START).onElements("ol")
            .allowAttributes("class").matching(CODE_LANGUAGE).onElements("code")
            .allowUrlProtocols(LINK_SCHEMES.toArray(String[]::new))
            .requireRelsOnLinks("nofollow", "noopener")
            .toFactory();

    /** Safe HTML for {@code markdown}; empty for null or blank input. */
    public String render(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown))).strip();
    }

    /** Absolute links with an allowed scheme only: a relative link would point into the admin panel. */
    private static boolean isSafeLink(String href) {
        String target = href == null ? "" : href.strip().toLowerCase(Locale.ROOT);
        return target.startsWith("https://") || target.startsWith("http://") || target.startsWith("mailto:");
    }

    /** {@code ![alt](url)} becomes the alt text: no image the model points at is ever loaded. */
    private record ImageAsText(HtmlNodeRendererContext context) implements NodeRenderer {

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            StringBuilder alt = new StringBuilder();
            node.accept(new AbstractVisitor() {
                @Override
                public void visit(Text text) {
                    alt.append(text.getLiteral());
                }

                @Override
                public void visit(Code code) {
                    alt.append(code.getLiteral());
                }

                @Override
                public void visit(SoftLineBreak softLineBreak) {
                    alt.append(' ');
                }

                @Override
                public void visit(HardLineBreak hardLineBreak) {
                    alt.append(' ');
                }
            });
            context.getWriter().text(alt.toString());
        }
    }

    /** Headings {@code #} and {@code ##} of a section become {@code h3}; deeper ones keep their level. */
    private record SubHeading(HtmlNodeRendererContext context) implements NodeRenderer {

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Heading.class);
        }

        @Override
        public void render(Node node) {
            String tag = "h" + Math.max(HIGHEST_HEADING, ((Heading) node).getLevel());
            HtmlWriter html = context.getWriter();
            html.line();
            html.tag(tag, context.extendAttributes(node, tag, Map.of()));
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            html.tag("/" + tag);
            html.line();
        }
    }
}
