package com.example.shop.catalog.adapter;

import com.example.shop.catalog.domain.CatalogReadModel;
import com.example.shop.catalog.domain.ProductId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The opaque cursor of a category listing: the base64url (unpadded) JSON of the query's
 * {@code LastEvaluatedKey} on the {@code byCategory} index, e.g.
 * {@code {"pk":"prod-1","categoryId":"cat-coffee","sortKey":"espresso#prod-1"}}.
 *
 * <p>Clients can read and forge it, so decoding trusts nothing: it must be exactly those three
 * string attributes, for the category being listed, with a well-formed product id and the sort
 * key of that product (a name of at most a key's 1024 bytes, then {@code #<pk>}); anything else is
 * refused (a 400 for the client), never passed to DynamoDB, so a forged cursor can at most start
 * the category's own listing at another name, never make DynamoDB refuse the key (a 500) or read
 * outside the category.
 */
final class ListingCursor {

    /** Far above any real cursor (three keys of at most a few hundred characters). */
    static final int MAX_LENGTH = CatalogReadModel.MAX_CURSOR_LENGTH;

    /** DynamoDB's limit on a sort key (the index's {@code sortKey}), in UTF-8 bytes. */
    private static final int MAX_SORT_KEY_BYTES = 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEY_ATTRIBUTES = Set.of("pk", "categoryId", "sortKey");

    private ListingCursor() {
    }

    static String encode(Map<String, AttributeValue> lastEvaluatedKey) {
        ObjectNode json = JSON.createObjectNode();
        new TreeSet<>(lastEvaluatedKey.keySet()).forEach(name -> json.put(name, lastEvaluatedKey.get(name).s()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The start key a cursor stands for.
     *
     * @throws IllegalArgumentException saying what is wrong with the cursor
     */
    static Map<String, AttributeValue> decode(String cursor, String categoryId) {
        if (cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the cursor is empty or too long");
        }
        JsonNode json;
        try {
            json = JSON.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw new IllegalArgumentException("the cursor is not one this API handed out", e);
        }
        if (json == null || !json.isObject() || json.size() != KEY_ATTRIBUTES.size()) {
            throw new IllegalArgumentException("the cursor is not one this API handed out");
        }
        Map<String, AttributeValue> key = new HashMap<>();
        for (String name : KEY_ATTRIBUTES) {
            JsonNode value = json.get(name);
            if (value == null || !value.isTextual() || value.asText().isEmpty()) {
                throw new IllegalArgumentException("the cursor is not one this API handed out");
            }
            key.put(name, AttributeValue.fromS(value.asText()));
        }
        if (!key.get("categoryId").s().equals(categoryId)) {
            throw new IllegalArgumentException("the cursor belongs to another category's listing");
        }
        String pk = key.get("pk").s();
        String sortKey = key.get("sortKey").s();
        if (!ProductId.isWellFormed(pk) || !sortKey.endsWith("#" + pk)
                || sortKey.getBytes(StandardCharsets.UTF_8).length > MAX_SORT_KEY_BYTES) {
            throw new IllegalArgumentException("the cursor is not one this API handed out");
        }
        return key;
    }
}
