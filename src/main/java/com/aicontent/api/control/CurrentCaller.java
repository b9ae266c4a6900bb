package com.aicontent.api.control;

import com.aicontent.api.entity.Caller;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the request being served, set once by the authentication filter. */
@RequestScoped
public class CurrentCaller {

    private Caller caller = Caller.ANONYMOUS;

    public Caller get() {
        return caller;
    }

    public void set(Caller authenticated) {
        caller = authenticated;
    }
}
