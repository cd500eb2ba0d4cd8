/**
 * What an operator does to the local cloud, as the runbooks do it to AWS: one class per
 * operation, each calling the emulator through the SDK with the same API the runbook's CLI
 * command uses, and saying where an emulator lacks it and what stands in.
 */
package com.example.shop.localcloud.ops;
