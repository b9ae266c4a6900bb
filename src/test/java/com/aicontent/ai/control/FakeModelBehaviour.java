package com.aicontent.ai.control;

import java.time.Duration;
import java.util.Set;

/**
 * The switches of {@link FakeOpenAiServer}'s default model: each one makes it behave the way some
 * real server does. All are off until a test flips them; ITs flip them on the server in their own
 * JVM before the generation they start on Payara.
 */
public final class FakeModelBehaviour {

    /** Items more (positive) or fewer (negative) than asked for, in headings, FAQ and keywords. */
    volatile int miscount;
    /** Whether a follow-up that names the shortfall gets the right count. */
    volatile boolean countsRightWhenReminded;
    /** Prose stops after this many characters, mid-word, with {@code finish_reason: length}; 0 for whole answers. */
    volatile int cutProseAt;
    /** How long the whole prose would be when it is cut, in characters. */
    volatile int proseLength = 600;
    /** Structured answers are refused with this text; null to answer. */
    volatile String refusal;
    /** Parameters answered with a 400 {@code unsupported_parameter} (or {@code unsupported_value}). */
    volatile Set<String> rejectedParameters = Set.of();
    /** Chat answers this many bytes long; 0 for normal ones. */
    volatile long hugeAnswerBytes;
    /** Whether a huge answer says its size in {@code Content-Length} (else it is chunked). */
    volatile boolean hugeAnswerDeclared;
    /** Image answers point at this URL instead of carrying base64; null for base64. */
    volatile String imageUrl;
    /** {@code stream: true} is answered with server-sent events; off, the server answers plain JSON anyway. */
    volatile boolean streams;
    /** The pause between two streamed pieces. */
    volatile Duration streamPause = Duration.ofMillis(5);
    /** Headings, keywords, FAQ and sections far longer than their database columns. */
    volatile boolean oversized;
    /** Answers carry no {@code usage}. */
    volatile boolean withoutUsage;
    /** Prose in Markdown with sub-headings and lists, and with script, a javascript: link and an image in it. */
    volatile boolean hostileMarkdown;

    /** The prose {@link #hostileMarkdown} writes. */
    public static final String HOSTILE_MARKDOWN = """
            Tomatoes by the fake-model.

            ### Light

            - **six hours** of sun
            - water <script>alert('prose')</script> daily

            Read [the guide](https://example.org/guide) or [this](javascript:alert(1)).
            ![pixel](https://tracker.example/pixel.png)""";

    public FakeModelBehaviour miscount(int by, boolean rightWhenReminded) {
        miscount = by;
        countsRightWhenReminded = rightWhenReminded;
        return this;
    }

    public FakeModelBehaviour cutProse(int at, int wholeLength) {
        cutProseAt = at;
        proseLength = wholeLength;
        return this;
    }

    public FakeModelBehaviour refuse(String text) {
        refusal = text;
        return this;
    }

    public FakeModelBehaviour reject(String... parameters) {
        rejectedParameters = Set.of(parameters);
        return this;
    }

    public FakeModelBehaviour hugeAnswers(long bytes, boolean declared) {
        hugeAnswerBytes = bytes;
        hugeAnswerDeclared = declared;
        return this;
    }

    public FakeModelBehaviour imagesAt(String url) {
        imageUrl = url;
        return this;
    }

    public FakeModelBehaviour streams(boolean on, Duration pause) {
        streams = on;
        streamPause = pause;
        return this;
    }

    public FakeModelBehaviour oversized(boolean on) {
        oversized = on;
        return this;
    }

    public FakeModelBehaviour hostileMarkdown(boolean on) {
        hostileMarkdown = on;
        return this;
    }

    public FakeModelBehaviour withoutUsage(boolean on) {
        withoutUsage = on;
        return this;
    }

    /** Back to a well-behaved model. */
    public void reset() {
        miscount(0, false);
        cutProse(0, 600);
        refuse(null);
        reject();
        hugeAnswers(0, false);
        imagesAt(null);
        streams(false, Duration.ofMillis(5));
        oversized(false);
        withoutUsage(false);
        hostileMarkdown(false);
    }
}
