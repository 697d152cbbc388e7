package io.unveil.gallery.api;

import io.javalin.security.RouteRole;

/** API key scopes: READ lists identities and events; ADMIN also enrolls, renames and deletes. */
public enum Scope implements RouteRole {
    READ, ADMIN;

    public boolean allows(Scope needed) {
        return this == ADMIN || needed == READ;
    }
}
