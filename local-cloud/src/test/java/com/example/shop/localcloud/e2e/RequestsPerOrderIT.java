package com.example.shop.localcloud.e2e;

import com.example.shop.localcloud.LocalCloud;
import com.example.shop.localcloud.emulator.EmulatorExtension;
import com.example.shop.localcloud.emulator.PythonEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request budget: one order down each saga path, one after another, must not make more AWS
 * calls from its functions than {@value RequestBudget#FILE} allows, API by API. A change that adds
 * a write, a read or a publish to a path fails here and shows in review as a budget change; one
 * that saves calls is reported, so the budget can be tightened
 * ({@code exec:java@requests-per-order -Dexec.args=--write-budget}, see the README).
 */
class RequestsPerOrderIT {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private static Shop shop;
    private static RequestBudget budget;

    @BeforeAll
    static void start() {
        var root = PythonEnvironment.locate().root();
        budget = RequestBudget.read(root.resolve(RequestBudget.FILE));
        shop = new Shop(LocalCloud.startOn(EMULATOR.emulator(), EMULATOR.python(),
                RequestsPerOrder.options(root)));
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
            shop.cloud.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SagaPath.class)
    void an_order_makes_no_more_aws_calls_than_its_path_is_budgeted(SagaPath path) {
        RequestsPerOrder.Measured measured = RequestsPerOrder.measure(shop, path);
        System.out.println(new RequestsReport(List.of(measured), Optional.empty()).markdown());
        budget.slack(measured).forEach(slack -> System.out.println("Under budget (tighten it): " + slack));

        assertThat(budget.paths()).as("the budget names the path").containsKey(path.label());
        assertThat(budget.overruns(measured)).as("calls over the budget of %s", RequestBudget.FILE).isEmpty();
    }
}
