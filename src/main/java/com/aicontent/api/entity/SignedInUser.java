package com.aicontent.api.entity;

import java.util.List;

/** Who the panel is signed in as, and what they may do. */
public record SignedInUser(String name, List<String> roles) {

    public static SignedInUser of(Caller caller) {
        return new SignedInUser(caller.name(), caller.roles().stream().sorted().map(Role::wireName).toList());
    }
}
