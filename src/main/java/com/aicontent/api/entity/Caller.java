package com.aicontent.api.entity;

import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/**
 * Who sent a request: the signed-in user of an access token, the holder of the static admin token,
 * or nobody. {@code name} is what the records keep ({@code started_by} and so on) and what log lines
 * show; the token itself never leaves the filter that checked it.
 */
public record Caller(String name, Set<Role> roles, Kind kind) {

    public enum Kind { ANONYMOUS, ACCESS_TOKEN, ADMIN_TOKEN }

    /** The name the static admin token acts under in records and logs. */
    public static final String ADMIN_TOKEN_NAME = "admin-token";

    public static final Caller ANONYMOUS = new Caller(null, Set.of(), Kind.ANONYMOUS);

    public static Caller adminToken() {
        return new Caller(ADMIN_TOKEN_NAME, Set.of(Role.ADMIN), Kind.ADMIN_TOKEN);
    }

    public static Caller user(String name, Set<Role> roles) {
        return new Caller(name, Set.copyOf(roles), Kind.ACCESS_TOKEN);
    }

    public boolean signedIn() {
        return kind != Kind.ANONYMOUS;
    }

    public boolean has(Role needed) {
        return roles.stream().anyMatch(role -> role.includes(needed));
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    /** The strongest role, if any. */
    public Optional<Role> highest() {
        return roles.stream().max(Comparator.naturalOrder());
    }
}
