/**
 * What the local cloud learns from the translated SAM template: the functions, their event
 * sources and HTTP routes, with every reference already resolved to the emulator's real names
 * and ARNs. Plain immutable records shared by the deployer, which builds them, and the runtime
 * and API server, which play them.
 */
package com.example.shop.localcloud.model;
