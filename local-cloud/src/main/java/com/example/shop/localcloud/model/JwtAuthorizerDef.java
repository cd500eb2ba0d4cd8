package com.example.shop.localcloud.model;

import java.util.List;
import java.util.Objects;

/**
 * A JWT authorizer of the HTTP API, as the template configures it: routes naming it accept only
 * tokens from {@code issuer} for one of the {@code audience} values.
 *
 * <p>When the template takes the issuer or audience from a resource the local cloud plays itself
 * (a Cognito user pool and its client), the value holds the deployer's stand-in for that resource:
 * its logical id where {@code Ref} would give the pool or client id, so the issuer reads
 * {@code https://cognito-idp.us-east-1.amazonaws.com/UserPool}. A local token issuer signs with
 * exactly these values.
 *
 * @param name           the authorizer's name, as {@link HttpRoute#authorizer()} refers to it
 * @param identitySource where the token is read, e.g. {@code $request.header.Authorization}
 * @param issuer         the required {@code iss}
 * @param audience       the accepted {@code aud} (or {@code client_id}) values
 */
public record JwtAuthorizerDef(String name, String identitySource, String issuer, List<String> audience) {

    public JwtAuthorizerDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(issuer, "issuer");
        identitySource = identitySource == null || identitySource.isBlank()
                ? "$request.header.Authorization" : identitySource;
        audience = List.copyOf(audience);
    }
}
