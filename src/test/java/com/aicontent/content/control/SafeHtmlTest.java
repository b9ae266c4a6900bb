package com.aicontent.content.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Markdown from a model becomes the allowed HTML and nothing more, however the model tries. */
class SafeHtmlTest {

    final SafeHtml safe = new SafeHtml();

    @Test
    void paragraphsSubHeadingsListsEmphasisCodeAndQuotesAreKept() {
        String html = safe.render("""
                ## Soil

                A *light* mix with **compost**, and `pH 6.5`.

                - one
                - two

                3. three
                4. four

                > water early

                ```bash
                echo hi
                ```""");

        assertEquals("""
                <h3>Soil</h3>
                <p>A <em>light</em> mix with <strong>compost</strong>, and <code>pH 6.5</code>.</p>
                <ul><li>one</li><li>two</li></ul>
                <ol start="3"><li>three</li><li>four</li></ol>
                <blockquote>
                <p>water early</p>
                </blockquote>
                <pre><code class="language-bash">echo hi
                </code></pre>""", html);
    }

    @Test
    void headingsBelowTheSectionsOwnKeepTheirLevelAndTopLevelOnesBecomeH3() {
        assertEquals("<h3>Top</h3>\n<h4>Deeper</h4>\n<h6>Deepest</h6>", safe.render("# Top\n#### Deeper\n###### Deepest"));
    }

    @Test
    void aWebLinkIsKeptWithNofollowAndNoopener() {
        assertEquals("<p>See <a href=\"https://example.org/a?b&#61;1\" rel=\"nofollow noopener\">the guide</a>.</p>",
                withRelsInOrder(safe.render("See [the guide](https://example.org/a?b=1).")));
        assertEquals("<p><a href=\"mailto:ed&#64;example.org\" rel=\"nofollow noopener\">mail</a></p>",
                withRelsInOrder(safe.render("[mail](mailto:ed@example.org)")));
    }

    @Test
    void aScriptTagIsShownAsTextAndNeverAsAnElement() {
        String html = safe.render("Hello <script>alert(1)</script> world");

        assertNoActiveContent(html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
    }

    @Test
    void aRawHtmlBlockIsEscapedNotPassedThrough() {
        String html = safe.render("<div onclick=\"alert(1)\">\n<img src=x onerror=alert(1)>\n</div>");

        assertNoActiveContent(html);
        assertTrue(html.contains("&lt;img src&#61;x onerror&#61;alert(1)&gt;"), html);
    }

    @Test
    void anImageIsShownAsItsAltTextAndItsUrlIsNeverLoaded() {
        String html = safe.render("Look: ![a *red* tomato](https://tracker.example/pixel.png) here");

        assertEquals("<p>Look: a red tomato here</p>", html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click](&#106;avascript:alert(1))",
            "[click](java&#x09;script:alert(1))",
            "[click](<javascript:alert(1)>)",
            "[click](  javascript:alert(1)  )",
            "[click](vbscript:msgbox(1))",
            "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "[click](file:///etc/passwd)",
            "[click][ref]\n\n[ref]: javascript:alert(1)",
            "<javascript:alert(1)>",
            "<data:text/html,<script>alert(1)</script>>",
    })
    void aLinkWithAnUnsafeSchemeKeepsItsTextAndLosesItsTarget(String markdown) {
        String html = safe.render(markdown);

        assertNoActiveContent(html);
        assertFalse(html.contains("href"), html);
    }

    @Test
    void relativeAndFragmentLinksLoseTheirTarget() {
        assertEquals("<p>admin and top</p>", safe.render("[admin](/api/ai-content/1) and [top](#top)"));
    }

    @Test
    void aDataUrlImageIsNeverAnImage() {
        String html = safe.render("![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)");

        assertEquals("<p>x</p>", html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<scr<script>ipt>alert(1)</scr</script>ipt>",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "[<img src=x onerror=alert(1)>](https://example.org)",
            "[x](https://example.org \"title\\\" onmouseover=\\\"alert(1)\")",
            "<a href=\"javascript:alert(1)\">raw link</a>",
            "<svg><script>alert(1)</script></svg>",
            "<iframe src=\"https://example.org\"></iframe>",
            "<style>body{display:none}</style>",
            "**<span style=\"x\" onmouseover=alert(1)>bold</span>**",
            "`</code><script>alert(1)</script>`",
            "<!-- --><script>alert(1)</script><!-- -->",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    })
    void nestedAndEncodedTricksStayText(String markdown) {
        assertNoActiveContent(safe.render(markdown));
    }

    @Test
    void aTitleOnALinkIsDroppedWithWhateverItCarries() {
        String html = withRelsInOrder(safe.render("[x](https://example.org \"\\\" onmouseover=\\\"alert(1)\")"));

        assertEquals("<p><a href=\"https://example.org\" rel=\"nofollow noopener\">x</a></p>", html);
    }

    @Test
    void persianTextStaysAsWritten() {
        assertEquals("<p>گوجه‌فرنگی در <strong>بالکن</strong>، ۳ گلدان.</p>", safe.render("گوجه‌فرنگی در **بالکن**، ۳ گلدان."));
    }

    @Test
    void nothingRendersAsNothing() {
        assertEquals("", safe.render(null));
        assertEquals("", safe.render("  \n "));
    }

    /** The sanitizer writes the two rel values in either order; both mean the same. */
    private static String withRelsInOrder(String html) {
        return html.replace("rel=\"noopener nofollow\"", "rel=\"nofollow noopener\"");
    }

    /**
     * Every tag in the output is one of the allowed elements with only the allowed attributes, and
     * every link target is a web or mail address. Text may say anything: it is escaped.
     */
    private static void assertNoActiveContent(String html) {
        Matcher tags = TAG.matcher(html);
        while (tags.find()) {
            String element = tags.group(1).toLowerCase(Locale.ROOT);
            assertTrue(ALLOWED.contains(element), () -> "element «" + element + "» in " + html);
            Matcher attributes = ATTRIBUTE.matcher(tags.group(2));
            while (attributes.find()) {
                String name = attributes.group(1).toLowerCase(Locale.ROOT);
                String value = attributes.group(2);
                assertTrue(Set.of("href", "rel", "start", "class").contains(name), () -> "attribute «" + name + "» in " + html);
                if (name.equals("href")) {
                    assertTrue(value.matches("(?i)(https?://|mailto:).*"), () -> "link target «" + value + "» in " + html);
                }
            }
        }
        assertFalse(html.contains("<!--"), html);
    }

    private static final Pattern TAG = Pattern.compile("</?([A-Za-z][A-Za-z0-9]*)([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([A-Za-z-]+)=\"([^\"]*)\"");
    private static final Set<String> ALLOWED = Set.of("p", "br", "hr", "h3", "h4", "h5", "h6", "ul", "ol", "li",
            "em", "strong", "code", "pre", "blockquote", "a");
}
