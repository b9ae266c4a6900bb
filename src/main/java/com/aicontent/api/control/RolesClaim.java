package com.aicontent.api.control;

import com.aicontent.api.entity.Role;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads the roles from an access token's claims at {@code OIDC_ROLES_CLAIM}: a claim name
 * ({@code groups}, {@code roles}) or a dotted path into nested objects ({@code realm_access.roles},
 * Keycloak's). The value may be a list or a space- or comma-separated string; names other than
 * viewer, editor and admin are ignored, and a group path's last segment counts ({@code /ai/admin}).
 */
public final class RolesClaim {

    private RolesClaim() {
    }

    public static Set<Role> read(Map<String, Object> claims, String path) {
        Object value = claims.containsKey(path) ? claims.get(path) : walk(claims, path);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (value instanceof Collection<?> names) {
            names.forEach(name -> add(roles, name));
        } else if (value instanceof String names) {
            for (String name : names.split("[\\s,]+")) {
                add(roles, name);
            }
        }
        return roles;
    }

    private static Object walk(Map<String, Object> claims, String path) {
        Object current = claims;
        for (String segment : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> object)) {
                return null;
            }
            current = object.get(segment);
        }
        return current;
    }

    private static void add(Set<Role> roles, Object name) {
        if (name instanceof String text && !text.isBlank()) {
            String last = text.substring(text.lastIndexOf('/') + 1);
            Role.named(last).ifPresent(roles::add);
        }
    }
}
