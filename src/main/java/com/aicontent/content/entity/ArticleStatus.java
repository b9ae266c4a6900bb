package com.aicontent.content.entity;

/** Where an article stands; mirrors the generation's status for the list of recent articles. */
public enum ArticleStatus {
    processing, completed, failed, cancelled
}
