package com.aicontent;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The WAR the build just packaged, so integration tests deploy exactly what users deploy. */
public final class BuiltWar {

    private BuiltWar() {
    }

    public static WebArchive archive() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
    }
}
