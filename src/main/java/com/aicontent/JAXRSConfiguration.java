package com.aicontent;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Serves every resource of the API under {@code /api}; the admin panel owns the rest of the WAR. */
@ApplicationPath("api")
public class JAXRSConfiguration extends Application {
}
