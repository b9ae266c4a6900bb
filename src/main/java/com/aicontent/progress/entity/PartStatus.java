package com.aicontent.progress.entity;

/** Where one section or image stands, as the document's lists name it; {@code writing} while a model streams it. */
public enum PartStatus {
    pending, writing, done
}
