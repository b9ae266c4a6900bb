package com.aicontent.api.entity;

import java.util.Locale;
import java.util.Optional;

/**
 * What a caller may do, each role including the ones before it: a viewer lists and reads, an editor
 * also starts generations and cancels and restarts their own, an admin does everything.
 */
public enum Role {
    VIEWER, EDITOR, ADMIN;

    /** The name in the roles claim and in answers: {@code viewer}, {@code editor}, {@code admin}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    public static Optional<Role> named(String name) {
        for (Role role : values()) {
            if (role.wireName().equalsIgnoreCase(name.strip())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
