package com.aicontent.api.boundary;

import com.aicontent.api.entity.Role;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The role a resource method (or every method of a resource class) needs; {@link AccessFilter}
 * enforces it. A resource method without one needs {@code admin}: a forgotten annotation closes
 * the endpoint instead of opening it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RoleRequired {

    Role value();
}
