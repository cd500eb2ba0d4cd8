package com.example.shop.localcloud.contract;

import com.example.shop.localcloud.emulator.PythonEnvironment;
import java.nio.file.Path;

/** The SAM template the routing contract is checked against. */
final class ContractTemplate {

    /** System property naming another template, e.g. an edited copy to see a contract test fail. */
    static final String PROPERTY = "contract.template";

    private ContractTemplate() {
    }

    /** {@code infra/template.yaml} of this checkout, unless {@value #PROPERTY} names another file. */
    static Path path() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return PythonEnvironment.locate().root().resolve("infra/template.yaml");
    }
}
