package com.aicontent.api.control;

import com.aicontent.api.entity.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RolesClaimTest {

    @Test
    void aListClaimGivesItsKnownRolesAndIgnoresTheRest() {
        assertEquals(Set.of(Role.VIEWER, Role.ADMIN),
                RolesClaim.read(Map.of("groups", List.of("viewer", "offline_access", "Admin")), "groups"));
    }

    @Test
    void aDottedPathReachesIntoNestedObjects() {
        assertEquals(Set.of(Role.EDITOR), RolesClaim.read(Map.of("realm_access", Map.of("roles", List.of("editor"))), "realm_access.roles"));
        assertEquals(Set.of(), RolesClaim.read(Map.of("realm_access", "editor"), "realm_access.roles"));
        assertEquals(Set.of(), RolesClaim.read(Map.of(), "realm_access.roles"));
    }

    @Test
    void aClaimWhoseNameHasDotsIsReadAsItIs() {
        assertEquals(Set.of(Role.ADMIN), RolesClaim.read(Map.of("https://example.org/roles", List.of("admin")), "https://example.org/roles"));
    }

    @Test
    void aSpaceOrCommaSeparatedStringAndGroupPathsWork() {
        assertEquals(Set.of(Role.VIEWER, Role.EDITOR), RolesClaim.read(Map.of("roles", "viewer, editor"), "roles"));
        assertEquals(Set.of(Role.ADMIN), RolesClaim.read(Map.of("groups", List.of("/ai-content/admin")), "groups"));
    }
}
