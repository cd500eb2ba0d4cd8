package com.example.shop.localcloud.deploy;

/**
 * The template could not be put on the emulator: the translator rejected it, the emulator's
 * CloudFormation failed, or the template asks for something the local cloud does not play. The
 * message says which, and what to look at.
 */
public final class LocalDeployException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LocalDeployException(String message) {
        super(message);
    }

    public LocalDeployException(String message, Throwable cause) {
        super(message, cause);
    }
}
