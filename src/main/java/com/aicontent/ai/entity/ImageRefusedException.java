package com.aicontent.ai.entity;

/**
 * An image the model server pointed at that this client would not fetch (an inner address, plain
 * http elsewhere, a redirect to another origin). It fails that image, not the article: the message
 * says why, and no other attempt would change it.
 */
public class ImageRefusedException extends ModelCallFailedException {

    public ImageRefusedException(String message) {
        super(message);
    }
}
