package com.aicontent.ai.control;

import com.aicontent.ai.control.ChatCompletionRequest.Message;
import com.aicontent.ai.entity.Answer;
import com.aicontent.ai.entity.Cancellation;
import com.aicontent.ai.entity.ModelCallFailedException;
import com.aicontent.ai.entity.TokenUsage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import java.util.logging.Logger;

/**
 * Answers that should hold a number of items (headings, FAQ pairs, keywords), held to it the way
 * an editor would: extras are cut; a shortfall is pointed out to the model once, naming it; if the
 * model is still short, what it wrote is used (at least one item) and the note says so ("asked for
 * 8 headings, got 5"). Real servers miscount even when the schema sets the count.
 */
final class CountedAnswers {

    private static final Logger LOG = Logger.getLogger(CountedAnswers.class.getName());
    private static final int EXCERPT_LENGTH = 300;

    private final ChatCompletions chat;
    private final KeyRedaction redaction;

    CountedAnswers(ChatCompletions chat, KeyRedaction redaction) {
        this.chat = chat;
        this.redaction = redaction;
    }

    /**
     * What is asked for and how it is counted.
     *
     * @param noun      the items in words, plural ("headings")
     * @param read      the answer's content, empty when the answer is neither JSON nor a list
     * @param count     how many items a read answer holds
     * @param cut       the answer with only its first {@code n} items
     * @param shortfall the follow-up that names the shortfall, given how many came
     */
    record Ask<T>(String step, String noun, int min, int max, List<Message> messages, Map<String, Object> schema,
                  Function<String, Optional<T>> read, ToIntFunction<T> count, BiFunction<T, Integer, T> cut,
                  IntFunction<String> shortfall) {

        String wanted() {
            return min == max ? "%d %s".formatted(min, noun) : "%d to %d %s".formatted(min, max, noun);
        }
    }

    <T> Answer<T> ask(Ask<T> ask, Cancellation cancellation) {
        Answer<String> first = chat.structured(ask.step(), ask.messages(), ask.schema(), cancellation);
        TokenUsage usage = first.usage();
        List<String> notes = new ArrayList<>(first.notes());
        Optional<T> best = ask.read().apply(first.value());
        String lastAnswer = first.value();
        int got = best.map(ask.count()::applyAsInt).orElse(0);
        if (got < ask.min()) {
            log(cancellation, "asked for %s, got %d; asking once more".formatted(ask.wanted(), got));
            List<Message> again = new ArrayList<>(ask.messages());
            again.add(Message.assistant(first.value()));
            again.add(Message.user(ask.shortfall().apply(got)));
            Answer<String> second = chat.structured(ask.step(), again, ask.schema(), cancellation);
            usage = usage.plus(second.usage());
            Optional<T> retried = ask.read().apply(second.value());
            if (retried.isPresent() && retried.map(ask.count()::applyAsInt).orElse(0) > got) {
                best = retried;
                got = ask.count().applyAsInt(retried.get());
                lastAnswer = second.value();
                notes = new ArrayList<>(second.notes());
            }
        }
        if (best.isEmpty()) {
            throw new ModelCallFailedException("The model was asked for %s as JSON, and its answer was neither JSON nor a list: %s"
                    .formatted(ask.wanted(), excerpt(lastAnswer)));
        }
        if (got == 0) {
            throw new ModelCallFailedException("Asked for %s, got none: %s".formatted(ask.wanted(), excerpt(lastAnswer)));
        }
        T value = best.get();
        if (got > ask.max()) {
            log(cancellation, "asked for %s, got %d; keeping the first %d".formatted(ask.wanted(), got, ask.max()));
            value = ask.cut().apply(value, ask.max());
        } else if (got < ask.min()) {
            notes.add("asked for %s, got %d".formatted(ask.wanted(), got));
            log(cancellation, "asked for %s, got %d; going on with them".formatted(ask.wanted(), got));
        }
        return new Answer<>(value, usage, notes);
    }

    private void log(Cancellation cancellation, String text) {
        LOG.info(OpenAiEndpoint.progressLine(cancellation, text));
    }

    private String excerpt(String text) {
        return "«" + redaction.excerpt(text, EXCERPT_LENGTH) + "»";
    }
}
