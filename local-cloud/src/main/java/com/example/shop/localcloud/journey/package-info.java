/**
 * One order's journey across every hop of the local cloud: what the runtime invoked, what was
 * published on the bus (read back from the template's event journal), and what ended in a DLQ,
 * joined by correlation id and shown as a timeline or a Mermaid sequence diagram.
 */
package com.example.shop.localcloud.journey;
