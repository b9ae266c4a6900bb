package com.aicontent.api.boundary;

/** The callers of the role matrix: a user of each role of the test realm, and the static token. */
public enum Who {
    NOBODY(null, "no token"),
    NORA("nora", "nora (no role)"),
    VERA("vera", "vera (viewer)"),
    EDDIE("eddie", "eddie (editor, the starter)"),
    ERIN("erin", "erin (another editor)"),
    ADA("ada", "ada (admin)"),
    ADMIN_TOKEN(null, "ADMIN_TOKEN");

    final String user;
    final String label;

    Who(String user, String label) {
        this.user = user;
        this.label = label;
    }
}
