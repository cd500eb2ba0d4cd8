/**
 * The local console: a few pages under {@code /_local/console/} that show the saga happen and let
 * a reader operate it, served by the local cloud itself. The pages are plain HTML, CSS and
 * JavaScript modules, clients of the local cloud's HTTP endpoints only: the shop's own API for
 * orders and the catalogue, and the JSON development endpoints registered here for journeys, log
 * lines, embedded metrics and archive replays. Everything these endpoints know comes from what
 * the local runtime sees (invocations, the functions' standard output) and from the emulator; no
 * business rule lives in a page.
 */
package com.example.shop.localcloud.console;
