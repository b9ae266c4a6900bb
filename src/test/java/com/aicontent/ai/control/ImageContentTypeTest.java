package com.aicontent.ai.control;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The type of an image comes from its bytes first, its server's word second. */
class ImageContentTypeTest {

    @Test
    void theCommonFormatsAreKnownByTheirFirstBytes() {
        assertEquals(Optional.of("image/png"), ImageContentType.sniff(FakeOpenAiServer.PNG));
        assertEquals(Optional.of("image/jpeg"), ImageContentType.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}));
        assertEquals(Optional.of("image/gif"), ImageContentType.sniff("GIF89a....".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.of("image/webp"), ImageContentType.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.of("image/svg+xml"), ImageContentType.sniff("<?xml version=\"1.0\"?>\n<svg></svg>".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void bytesOutrankAWrongHeader() {
        assertEquals(Optional.of("image/png"), ImageContentType.of(FakeOpenAiServer.PNG, Optional.of("application/octet-stream")));
    }

    @Test
    void anUnknownFormatTakesTheServersImageTypeButNeverANonImageType() {
        byte[] unknown = {1, 2, 3, 4};
        assertEquals(Optional.of("image/heic"), ImageContentType.of(unknown, Optional.of("Image/HEIC; q=1")));
        assertEquals(Optional.empty(), ImageContentType.of(unknown, Optional.of("text/html")));
        assertEquals(Optional.empty(), ImageContentType.of(unknown, Optional.empty()));
    }
}
