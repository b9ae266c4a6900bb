package com.aicontent.ai.control;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides what an image is from its first bytes. Base64 answers carry no type at all, and storage
 * hosts often serve images as {@code application/octet-stream}, yet the browser needs the right
 * type to show them; the bytes do not lie, headers sometimes do.
 */
final class ImageContentType {

    /** A claimed type that names an image and nothing else, short enough for any column. */
    private static final Pattern IMAGE_TYPE = Pattern.compile("image/[a-z0-9][a-z0-9.+-]{0,60}");

    private ImageContentType() {
    }

    /** The type the bytes show, else an {@code image/*} type the server claimed, else none. */
    static Optional<String> of(byte[] bytes, Optional<String> claimed) {
        Optional<String> sniffed = sniff(bytes);
        if (sniffed.isPresent()) {
            return sniffed;
        }
        return claimed.map(type -> type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT))
                .filter(type -> IMAGE_TYPE.matcher(type).matches());
    }

    static Optional<String> sniff(byte[] bytes) {
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(bytes, 0, 'G', 'I', 'F', '8')) {
            return Optional.of("image/gif");
        }
        if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of("image/webp");
        }
        if (startsWith(bytes, 4, 'f', 't', 'y', 'p', 'a', 'v', 'i', 'f')) {
            return Optional.of("image/avif");
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.UTF_8).stripLeading();
        if (head.startsWith("<svg") || (head.startsWith("<?xml") && head.contains("<svg"))) {
            return Optional.of("image/svg+xml");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
