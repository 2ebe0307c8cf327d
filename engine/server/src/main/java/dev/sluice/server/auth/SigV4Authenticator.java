package dev.sluice.server.auth;

import dev.sluice.server.protocol.ProtocolException;
import dev.sluice.server.protocol.WireRequest;

import java.util.Map;

/** Placeholder until SigV4 verification lands: refuses every request, so nothing is served unauthenticated. */
public final class SigV4Authenticator implements Authenticator {

    private final Map<String, String> secrets;

    public SigV4Authenticator(Map<String, String> secrets) {
        this.secrets = Map.copyOf(secrets);
    }

    @Override
    public String authenticate(WireRequest request) {
        throw new ProtocolException(403, "InvalidClientTokenId", "InvalidClientTokenId",
                "The security token included in the request is invalid.");
    }
}
