package dev.sluice.server.auth;

import dev.sluice.server.protocol.ProtocolException;

/**
 * The authentication failures as SQS sends them. The code is the Query protocol's {@code <Code>} and the
 * {@code x-amzn-query-error} header (what boto3, the AWS CLI and the SDKs report); the JSON {@code __type} is the
 * Coral authentication exception the AWS JSON services answer with.
 */
final class AuthErrors {

    static final String MISSING_TOKEN_MESSAGE = "Request is missing Authentication Token";
    static final String INVALID_TOKEN_MESSAGE = "The security token included in the request is invalid.";
    static final String SIGNATURE_MESSAGE = "The request signature we calculated does not match the signature "
            + "you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation "
            + "for details.";

    private AuthErrors() {
    }

    /** No Authorization header and no presigned query parameters. */
    static ProtocolException missingAuthenticationToken() {
        return new ProtocolException(403, "MissingAuthenticationToken",
                "com.amazon.coral.service#MissingAuthenticationTokenException", MISSING_TOKEN_MESSAGE);
    }

    /** The access key id is not one of the configured credentials. */
    static ProtocolException invalidClientTokenId() {
        return new ProtocolException(403, "InvalidClientTokenId",
                "com.amazon.coral.service#UnrecognizedClientException", INVALID_TOKEN_MESSAGE);
    }

    static ProtocolException signatureDoesNotMatch() {
        return signatureDoesNotMatch(SIGNATURE_MESSAGE);
    }

    /** Wrong signature, and the scope and clock checks AWS reports under the same code. */
    static ProtocolException signatureDoesNotMatch(String message) {
        return new ProtocolException(403, "SignatureDoesNotMatch",
                "com.amazon.coral.service#InvalidSignatureException", message);
    }

    /** The Authorization header or the presigned parameters are not a complete SigV4 signature. */
    static ProtocolException incompleteSignature(String message) {
        return new ProtocolException(400, "IncompleteSignature",
                "com.amazon.coral.service#IncompleteSignatureException", message);
    }
}
