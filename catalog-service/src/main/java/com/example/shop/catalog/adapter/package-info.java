/**
 * The only place in the catalog service that speaks AWS: implementations of the domain's ports,
 * named by the technology they use.
 */
package com.example.shop.catalog.adapter;
