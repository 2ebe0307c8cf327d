package dev.sluice.server.auth;

import dev.sluice.server.protocol.WireRequest;

/** Decides whether a request may be served, and who sent it. */
public interface Authenticator {

    /**
     * @return the caller's access key id, or null when unknown (anonymous local development)
     * @throws dev.sluice.server.protocol.ProtocolException with AWS's 403 error when refused
     */
    String authenticate(WireRequest request);

    /** Local development on loopback without configured credentials: every request is accepted. */
    static Authenticator acceptAll() {
        return request -> null;
    }
}
