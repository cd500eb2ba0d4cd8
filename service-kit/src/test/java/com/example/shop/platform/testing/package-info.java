/**
 * Test doubles every service's tests share, published in service-kit's test-jar: a fake Lambda
 * context, a capture of standard output (logs and embedded metrics), and an in-memory event bus.
 */
package com.example.shop.platform.testing;
