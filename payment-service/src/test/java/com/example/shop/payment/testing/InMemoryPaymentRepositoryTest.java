package com.example.shop.payment.testing;

import com.example.shop.payment.domain.PaymentRepository;

/** The in-memory fake keeps the payment repository's contract, so tests on it say something about DynamoDB. */
class InMemoryPaymentRepositoryTest extends PaymentRepositoryContract {

    @Override
    protected PaymentRepository emptyRepository() {
        return new InMemoryPaymentRepository();
    }
}
