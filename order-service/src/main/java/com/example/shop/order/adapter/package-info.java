/**
 * The only place in the order service that speaks AWS: implementations of the domain's ports,
 * named by the technology they use.
 */
package com.example.shop.order.adapter;
