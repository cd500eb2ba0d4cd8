package com.example.shop.shipping.testing;

import com.example.shop.shipping.domain.ShipmentRepository;

/** The in-memory fake keeps the shipment repository's contract, so tests on it say something about DynamoDB. */
class InMemoryShipmentRepositoryTest extends ShipmentRepositoryContract {

    @Override
    protected ShipmentRepository emptyRepository() {
        return new InMemoryShipmentRepository();
    }
}
