package com.example.shop.localcloud.console;

import com.example.shop.localcloud.DemoData;
import com.example.shop.localcloud.LocalCloud;
import com.example.shop.localcloud.emulator.EmulatorExtension;
import com.example.shop.localcloud.iam.CallRecording;
import com.example.shop.localcloud.emulator.PythonEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser (Debian's chromium, headless, driven through its chromedriver),
 * against one local cloud on the default emulator shared by every test: an order placed in the
 * shop reaches SHIPPED with every hop drawn, a cancellation draws its compensation, the pages work
 * from the keyboard alone and reflow at 200 % zoom, and the browser's log stays free of errors.
 * Each page's screenshot goes to {@code local-cloud/target/console-screenshots/}, or with
 * {@code -Dconsole.screenshots=docs/console} to the README's copies, which that refreshes.
 *
 * <p>Skipped, saying why, on a machine without chromium and chromedriver ({@code apt-get install
 * chromium chromium-driver}; CI installs them).
 */
@EnabledIf(value = "browserInstalled",
        disabledReason = "no chromium/chromedriver at /usr/bin (apt-get install chromium chromium-driver): console browser tests skipped")
class ConsoleBrowserIT {

    private static final Path CHROMIUM = Path.of(System.getProperty("console.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("console.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration SAGA = Duration.ofSeconds(60);

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private static LocalCloud cloud;
    private static ChromeDriver browser;
    private static Path profile;
    private static String console;

    static boolean browserInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    @BeforeAll
    static void start() throws IOException {
        Path template = PythonEnvironment.locate().root().resolve("infra/template.yaml");
        cloud = LocalCloud.startOn(EMULATOR.emulator(), EMULATOR.python(), LocalCloud.Options.forTemplate(template));
        // the shop's functions work for the console too: their calls go into the least-privilege record
        CallRecording.remember(cloud, ConsoleBrowserIT.class);
        DemoData.seed(cloud);
        console = cloud.consoleUri().toString();

        profile = Files.createTempDirectory("console-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--user-data-dir=" + profile, "--window-size=1280,1000");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (cloud != null) {
            cloud.close();
            CallRecording.write();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @AfterEach
    void the_browser_log_has_no_errors() {
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).as("errors in the browser's console log").isEmpty();
    }

    @Test
    void an_order_placed_in_the_shop_reaches_shipped_with_every_hop_in_the_diagram() {
        String orderId = placeOrder("pm-card-visa");
        follow(orderId);

        awaitStatus("SHIPPED");
        awaitHops("every hop of the saga", List.of(
                "REQUEST POST /orders",
                "PUBLISHED OrderPlaced", "HANDLED OrderPlaced",
                "PUBLISHED StockReserved", "HANDLED StockReserved",
                "PUBLISHED PaymentCharged", "HANDLED PaymentCharged",
                "PUBLISHED ShipmentScheduled", "HANDLED ShipmentScheduled"));
        assertThat(browser.findElements(By.cssSelector("#diagram .hop.compensation"))).as("no compensation").isEmpty();

        WebElement delivery = browser.findElement(By.cssSelector(
                "#diagram .hop[data-kind=HANDLED][data-event-type=StockReserved][data-function=ChargePaymentFunction]"));
        delivery.click();
        await("the hop's JSON and log lines", () -> text("details-json").contains("StockReserved")
                && text("details-logs").contains("ChargePaymentFunction"));
        assertThat(delivery.getText()).contains("ChargePaymentQueue").contains("ChargePaymentFunction");
        screenshot("order");

        browser.get(console + "metrics.html");
        await("the metrics count the order", () -> count("OrdersPlaced") >= 1 && count("ShipmentsScheduled") >= 1
                && !browser.findElement(By.cssSelector("#saga tr[data-stat='sagas timed'] td")).getText().equals("0"));
        screenshot("metrics");
    }

    @Test
    void a_cancelled_order_shows_its_compensation() {
        // held before the charge, so that the cancel lands after the reservation: stock must be released
        cloud.runtime().pause("ChargePaymentFunction");
        try {
            String orderId = placeOrder("pm-card-visa");
            follow(orderId);
            awaitStatus("RESERVED");
            browser.findElement(By.id("cancel-order")).click();
            awaitStatus("CANCELLED");
            awaitHops("the release of the reserved stock", List.of("HANDLED OrderCancelled", "PUBLISHED StockReleased"));
        } finally {
            cloud.runtime().resume("ChargePaymentFunction");
        }
        WebElement released = browser.findElement(By.cssSelector("#diagram .hop[data-kind=PUBLISHED][data-event-type=StockReleased]"));
        assertThat(released.getAttribute("class")).contains("compensation");
        assertThat(released.getText()).contains("compensation");
    }

    @Test
    void a_broken_function_dead_letters_the_order_and_a_redrive_from_the_page_finishes_it() {
        browser.get(console + "operations.html");
        await("the queues", () -> !browser.findElements(By.cssSelector("#queues tbody tr")).isEmpty());
        WebElement target = browser.findElement(By.id("fault-target"));
        target.clear();
        target.sendKeys("ScheduleShipmentFunction");
        new Select(browser.findElement(By.id("fault-kind"))).selectByValue("THROW");
        WebElement rate = browser.findElement(By.id("fault-rate"));
        rate.clear();
        rate.sendKeys("1");
        browser.findElement(By.id("fault-set")).click();
        await("the fault is listed", () -> text("faults").contains("ScheduleShipmentFunction"));

        String orderId;
        try {
            orderId = placeOrder("pm-card-visa");
            follow(orderId);
            awaitHops("the shipment's booking fails and is dead-lettered", List.of("DEAD_LETTERED PaymentCharged"));
            assertThat(browser.findElements(By.cssSelector("#diagram .hop.failed[data-kind=HANDLED]"))).isNotEmpty();

            browser.get(console + "operations.html");
            await("the DLQ depth shows on the page", () -> dlqDepth("ScheduleShipmentQueue") >= 1);
            screenshot("operations");
            browser.findElement(By.id("fault-clear")).click();
            await("no fault left", () -> text("faults").contains("none"));
        } finally {
            cloud.faults().clear();
        }
        browser.findElement(By.cssSelector("tr[data-queue*=ScheduleShipmentQueue] button[data-redrive]")).click();
        await("the redrive moved the message", () -> text("ops-status").contains("moved back"));

        follow(orderId);
        awaitStatus("SHIPPED");
        browser.get(console + "operations.html");
        await("the DLQ is empty again", () -> dlqDepth("ScheduleShipmentQueue") == 0);
    }

    @Test
    void a_window_of_the_archive_is_replayed_from_the_operations_page() {
        browser.get(console + "operations.html");
        await("the archive", () -> text("archive-info").contains("ENABLED"));
        new Select(browser.findElement(By.id("replay-rule"))).selectByValue("OrderPlacedToInventoryRule");
        browser.findElement(By.id("replay-start")).click();

        await("the replay completes", () -> text("replay-status").endsWith("is COMPLETED."));
        assertThat(text("replay-gap")).as("what this emulator does not do for a replay").startsWith("On this emulator:");
    }

    @Test
    void the_shop_and_an_order_can_be_used_with_the_keyboard_alone() {
        browser.get(console);
        awaitCatalogue();
        List<String> focused = new ArrayList<>();
        for (int i = 0; i < 40 && !focused.contains("place-order"); i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            WebElement active = browser.switchTo().activeElement();
            focused.add(active.getAttribute("id") == null || active.getAttribute("id").isEmpty()
                    ? active.getTagName() + ":" + active.getText() : active.getAttribute("id"));
            assertThat(active.getCssValue("outline-style")).as("a visible focus ring on %s", focused.getLast())
                    .isNotEqualTo("none");
        }
        assertThat(focused).as("focus order").containsSubsequence("a:Skip to content", "a:Shop", "a:Metrics",
                "role-customer", "category", "refresh-catalogue", "product", "quantity", "recipient", "country", "payment",
                "place-order");

        new Actions(browser).sendKeys(Keys.ENTER).perform();
        await("the order is accepted", () -> !browser.findElements(By.id("follow-order")).isEmpty());
        browser.findElement(By.id("follow-order")).sendKeys(Keys.ENTER);
        await("the diagram has a hop", () -> !browser.findElements(By.cssSelector("#diagram .hop")).isEmpty());
        for (int i = 0; i < 20 && !"1".equals(browser.switchTo().activeElement().getAttribute("data-hop")); i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
        }
        assertThat(browser.switchTo().activeElement().getAttribute("data-hop")).as("the first hop is reached with Tab")
                .isEqualTo("1");
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        await("the hop's details open and take the focus", () -> "hop-details".equals(
                browser.switchTo().activeElement().getAttribute("id")) && !text("details-json").isEmpty());
    }

    @Test
    void every_page_reflows_at_200_percent_zoom() {
        // 200 % zoom of a 1280 px window: half as many CSS pixels across, each drawn twice as large
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 640, "height", 500, "deviceScaleFactor", 2, "mobile", false));
        try {
            for (String page : List.of("index.html", "order.html", "operations.html", "metrics.html")) {
                browser.get(console + page);
                await(page + " is drawn", () -> !browser.findElements(By.tagName("h1")).isEmpty());
                Object overflow = browser.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(((Number) overflow).intValue()).as("%s scrolls sideways at 200 %%", page).isLessThanOrEqualTo(0);
            }
            browser.get(console);
            awaitCatalogue();
            screenshot("shop-200-percent", false);
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    void the_shop_page_shows_the_catalogue_with_stock() {
        browser.get(console);
        awaitCatalogue();
        WebElement first = browser.findElement(By.cssSelector("#catalogue tbody tr"));
        assertThat(first.findElement(By.cssSelector(".available")).getText()).matches("\\d+");
        screenshot("shop");
    }

    private String placeOrder(String paymentMethod) {
        browser.get(console);
        awaitCatalogue();
        browser.findElement(By.id("role-customer")).click();
        new Select(browser.findElement(By.id("payment"))).selectByValue(paymentMethod);
        browser.findElement(By.id("place-order")).click();
        await("the order is accepted", () -> !browser.findElements(By.id("follow-order")).isEmpty());
        String status = text("order-status");
        return status.substring("Order ".length(), status.indexOf(' ', "Order ".length()));
    }

    private void follow(String orderId) {
        browser.get(console + "order.html?id=" + orderId);
    }

    private void awaitCatalogue() {
        await("the catalogue", () -> !browser.findElements(By.cssSelector("#catalogue tbody tr .available")).isEmpty()
                && browser.findElement(By.cssSelector("#catalogue tbody tr .available")).getText().matches("\\d+"));
    }

    private void awaitStatus(String status) {
        await("the order is " + status, () -> status.equals(text("summary-status")));
    }

    private void awaitHops(String what, List<String> steps) {
        await(what + " in the diagram", () -> hops().containsAll(steps));
    }

    private List<String> hops() {
        return browser.findElements(By.cssSelector("#diagram .hop")).stream()
                .map(hop -> hop.getAttribute("data-kind") + " " + hop.getAttribute("data-event-type")).toList();
    }

    /** The DLQ depth the operations page shows for the queue whose name contains {@code queue}, or -1. */
    private long dlqDepth(String queue) {
        List<WebElement> cells = browser.findElements(By.cssSelector("tr[data-queue*=" + queue + "] .dlq-visible"));
        return cells.isEmpty() || !cells.getFirst().getText().matches("\\d+") ? -1 : Long.parseLong(cells.getFirst().getText());
    }

    private long count(String metric) {
        List<WebElement> cells = browser.findElements(By.cssSelector("#outcomes tr[data-metric=" + metric + "] .count"));
        return cells.isEmpty() ? 0 : Long.parseLong(cells.getFirst().getText());
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, SAGA, Duration.ofMillis(200)).withMessage(what)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> condition.getAsBoolean());
    }

    /** The whole page, from its top, into {@code <console.screenshots>/<name>.png}. */
    private static void screenshot(String name) {
        screenshot(name, true);
    }

    /**
     * The page from its top, whole or as far as the window shows, into the directory
     * {@code console.screenshots} names (relative to the project's root): the build's own by
     * default, so that a test run leaves the committed ones as they are.
     */
    private static void screenshot(String name, boolean wholePage) {
        browser.executeScript("window.scrollTo(0, 0);");
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", wholePage));
        try {
            Path into = PythonEnvironment.locate().root()
                    .resolve(System.getProperty("console.screenshots", "local-cloud/target/console-screenshots"));
            Files.createDirectories(into);
            Files.write(into.resolve(name + ".png"), java.util.Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
