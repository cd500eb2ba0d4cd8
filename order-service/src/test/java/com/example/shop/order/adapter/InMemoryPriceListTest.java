package com.example.shop.order.adapter;

import com.example.shop.order.testing.InMemoryPriceList;

/** The in-memory price list keeps the same promises as the DynamoDB items it stands in for. */
class InMemoryPriceListTest extends PriceListContract {

    @Override
    PriceList newPriceList() {
        InMemoryPriceList list = new InMemoryPriceList();
        return new PriceList(list, list);
    }
}
