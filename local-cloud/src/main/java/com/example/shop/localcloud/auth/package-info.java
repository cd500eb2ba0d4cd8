/**
 * Identity for the local cloud: a development identity provider that issues tokens shaped like
 * Cognito ID tokens, and an authorizer that checks them the way the HTTP API's JWT authorizer
 * checks Cognito's. The rule: a handler must not be able to tell these tokens and claims from the
 * deployed ones, so the authorizer only ever trusts what it verified itself (signature, issuer,
 * audience, time) and hands claims on in API Gateway's rendering, never the raw token.
 */
package com.example.shop.localcloud.auth;
