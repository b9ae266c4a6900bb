package com.aicontent.progress.entity;

/** Where one section or image stands, as the document's lists name it. */
public enum PartStatus {
    pending, done
}
