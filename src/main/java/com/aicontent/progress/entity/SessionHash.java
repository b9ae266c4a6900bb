package com.aicontent.progress.entity;

import java.security.SecureRandom;

/**
 * The 12-character identifier of one generation. Anything else is refused before it gets near a
 * Redis key, so a hash can never act as a key pattern.
 */
public record SessionHash(String value) {

    private static final int LENGTH = 12;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    public SessionHash {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("a session hash is 12 characters of A-Z, a-z and 0-9");
        }
    }

    /** Checked on every status poll: a loop over 12 characters, no regular expression. */
    public static boolean isWellFormed(String candidate) {
        if (candidate == null || candidate.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = candidate.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    public static SessionHash random() {
        char[] chars = new char[LENGTH];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new SessionHash(new String(chars));
    }

    @Override
    public String toString() {
        return value;
    }
}
