package com.example.shop.catalog.adapter;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import com.example.shop.catalog.domain.CatalogEntry;
import com.example.shop.catalog.domain.Category;
import com.example.shop.catalog.domain.ChangeOrigin;
import com.example.shop.catalog.domain.Product;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stream records of the catalog table as Lambda receives them, with images made of exactly the
 * items the table adapter writes: a handler test built on them fails if the stream reader and the
 * writer ever disagree on the item layout.
 */
public final class CatalogStreamFixtures {

    private CatalogStreamFixtures() {
    }

    /** A batch of records, in stream order. */
    public static DynamodbEvent stream(DynamodbEvent.DynamodbStreamRecord... records) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(records));
        return event;
    }

    /** An entry written for the first time. */
    public static DynamodbEvent.DynamodbStreamRecord insert(String sequenceNumber, CatalogEntry entry, ChangeOrigin origin) {
        return record("INSERT", sequenceNumber, null, image(entry, origin));
    }

    /** An entry replaced by a newer version. */
    public static DynamodbEvent.DynamodbStreamRecord modify(String sequenceNumber, CatalogEntry before,
            ChangeOrigin beforeOrigin, CatalogEntry after, ChangeOrigin origin) {
        return record("MODIFY", sequenceNumber, image(before, beforeOrigin), image(after, origin));
    }

    /** A record of any kind with hand-made images (null: no image). */
    public static DynamodbEvent.DynamodbStreamRecord record(String eventName, String sequenceNumber,
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> oldImage,
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> newImage) {
        var image = newImage != null ? newImage : oldImage;
        StreamRecord change = new StreamRecord()
                .withSequenceNumber(sequenceNumber)
                .withKeys(Map.of("pk", image.get("pk")))
                .withStreamViewType(StreamViewType.NEW_AND_OLD_IMAGES);
        if (oldImage != null) {
            change.setOldImage(oldImage);
        }
        if (newImage != null) {
            change.setNewImage(newImage);
        }
        var record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName(eventName);
        record.setEventSource("aws:dynamodb");
        record.setDynamodb(change);
        return record;
    }

    /** The stream image of the item the table adapter writes for an entry. */
    public static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image(
            CatalogEntry entry, ChangeOrigin origin) {
        Map<String, AttributeValue> item = switch (entry) {
            case Category category -> CatalogItems.item(category, origin);
            case Product product -> CatalogItems.item(product, origin);
        };
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image = new HashMap<>();
        item.forEach((name, value) -> image.put(name, lambdaValue(value)));
        return image;
    }

    private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue lambdaValue(AttributeValue value) {
        var converted = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        if (value.s() != null) {
            converted.setS(value.s());
        } else if (value.n() != null) {
            converted.setN(value.n());
        } else if (value.hasM()) {
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> map = new HashMap<>();
            value.m().forEach((k, v) -> map.put(k, lambdaValue(v)));
            converted.setM(map);
        } else {
            throw new IllegalArgumentException("no conversion for " + value);
        }
        return converted;
    }
}
