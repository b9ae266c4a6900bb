package com.aicontent.progress.entity;

/**
 * Where one section or image stands, as the document's lists name it: {@code writing} while a
 * model streams it, {@code failed} for an image that could not be had (the article goes on without it).
 */
public enum PartStatus {
    pending, writing, done, failed
}
