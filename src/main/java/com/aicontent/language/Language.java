package com.aicontent.language;

/**
 * The language an article is written in; its prompts, progress messages and panel follow it. It
 * lives apart from every feature because the model client, the articles and the progress messages
 * all speak of it, and none of them should depend on another for that.
 */
public enum Language {
    fa, en
}
