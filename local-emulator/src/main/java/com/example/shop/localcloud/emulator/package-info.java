/**
 * The AWS emulator of the local cloud: the project-local Python venv that holds the pinned
 * tooling ({@link com.example.shop.localcloud.emulator.PythonEnvironment}), a moto server process
 * on a free loopback port ({@link com.example.shop.localcloud.emulator.MotoServer}) and SDK
 * clients pointed at it ({@link com.example.shop.localcloud.emulator.AwsClients}).
 *
 * <p>Rule: nothing here knows the shop or its template. This package only provides a working
 * emulator; what gets deployed onto it is the {@code deploy} package's business.
 */
package com.example.shop.localcloud.emulator;
