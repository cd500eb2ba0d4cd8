/**
 * Puts the project's SAM template on the emulator, the way {@code sam deploy} puts it on AWS:
 * expand it with the SAM translator ({@link com.example.shop.localcloud.deploy.SamTemplateTranslator}),
 * split off what the local runtime plays (functions, event source mappings, the HTTP API, the
 * identity provider), create the rest as a CloudFormation stack on the emulator, apply with the SDK
 * what the emulator's CloudFormation skips, and hand back a
 * {@link com.example.shop.localcloud.model.LocalSystem} with every name resolved
 * ({@link com.example.shop.localcloud.deploy.LocalDeployer}).
 *
 * <p>Rule: the emulator only ever sees the template's own resources. Nothing is created that the
 * template does not declare, and the moto-specific rewrites touch the local copy only, never
 * {@code infra/template.yaml}.
 */
package com.example.shop.localcloud.deploy;
