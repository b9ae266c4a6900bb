package com.aicontent.api.entity;

/** An access token that is not accepted; the message says why, never quoting the token. */
public class InvalidTokenException extends Exception {

    public InvalidTokenException(String reason) {
        super(reason, null, false, false);
    }
}
