package com.aicontent.content.control;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated bean's methods never do their database work on a virtual thread: called from one,
 * they run on a platform thread of the database executor, a few at a time, in the order they came
 * ({@link PlatformThreadHandOff}).
 */
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface OnPlatformThreads {
}
