package com.aicontent.progress.entity;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The 12-character identifier of one generation. Anything else is refused before it gets near a
 * Redis key, so a hash can never act as a key pattern.
 */
public record SessionHash(String value) {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9]{12}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public SessionHash {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("a session hash is 12 characters of A-Z, a-z and 0-9");
        }
    }

    public static boolean isWellFormed(String candidate) {
        return candidate != null && FORMAT.matcher(candidate).matches();
    }

    public static SessionHash random() {
        char[] chars = new char[12];
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
