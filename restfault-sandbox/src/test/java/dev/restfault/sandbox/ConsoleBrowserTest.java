package dev.restfault.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser: headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, which {@code .ci/run} installs) opens Swagger UI on the running sandbox,
 * runs "Try it out" on a simulated 404 and on the 401 of {@code GET /v1/customers}, and reads the
 * contract bodies Swagger UI shows. Screenshots go to {@code target/console-screenshots/}.
 *
 * <p>Without Chromium the test fails, saying what to install: a skipped browser test would pass
 * a build whose console nobody looked at. Override the binaries with
 * {@code -Drestfault.chromium=...} and {@code -Drestfault.chromedriver=...}.
 */
class ConsoleBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("restfault.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("restfault.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static RunningSandbox sandbox;
    private static WebDriver browser;
    private static Path profile;

    @BeforeAll
    static void start() throws IOException {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("the console's browser test needs Chromium and its driver at %s and %s: "
                        + "apt-get install -y chromium chromium-driver (.ci/run does)", CHROMIUM, CHROMEDRIVER)
                .isTrue();
        sandbox = RunningSandbox.start();
        profile = Files.createTempDirectory("restfault-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1100", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(WAIT);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (sandbox != null) {
                sandbox.close();
            }
            if (profile != null) {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    @Test
    void tryItOutOnASimulated404ShowsTheContractBody() throws IOException {
        WebElement operation = open("get", "/v1/simulate/{status}");
        operation.findElement(By.cssSelector("tr[data-param-name='status'] input")).sendKeys("404");
        WebElement response = execute(operation, "404");
        String body = response.findElement(By.cssSelector(".response-col_description pre")).getText();
        assertThat(body).contains("\"code\": \"notFound\"", "\"source\": \"restfault-sandbox\"", "\"description\":");
        screenshot(operation, "simulate-404.png");
    }

    /**
     * The simulation's closed-list parameters, filled in the console, reach the sandbox: Swagger UI
     * checks a value against its schema's {@code pattern} in JavaScript before sending, and the
     * document's patterns are Bean Validation's (Java) ones.
     */
    @Test
    void tryItOutOnASimulationWithAFormatSendsIt() throws IOException {
        WebElement response = simulate("404", "format", "partner-api", "simulate-404-partner-api.png");
        String body = response.findElement(By.cssSelector(".response-col_description pre")).getText();
        assertThat(body).contains("\"error\": {", "\"code\": \"notFound\"", "\"target\": \"restfault-sandbox\"");
    }

    @Test
    void tryItOutOnASimulationWithAFaultSendsIt() throws IOException {
        WebElement response = simulate("502", "fault", "html", "simulate-502-html.png");
        assertThat(response.findElement(By.cssSelector(".response-col_description")).getText().toLowerCase())
                .contains("text/html");
    }

    /** Runs "Try it out" on {@code GET /v1/simulate/{status}} with {@code parameter=value}; the response row. */
    private static WebElement simulate(String status, String parameter, String value, String screenshot) throws IOException {
        WebElement operation = open("get", "/v1/simulate/{status}");
        operation.findElement(By.cssSelector("tr[data-param-name='status'] input")).sendKeys(status);
        operation.findElement(By.cssSelector("tr[data-param-name='" + parameter + "'] input")).sendKeys(value);
        WebElement response = execute(operation, status);
        screenshot(operation, screenshot);
        return response;
    }

    @Test
    void tryItOutOnCustomersWithoutATokenShowsThe401AndItsChallenge() throws IOException {
        WebElement operation = open("get", "/v1/customers");
        WebElement response = execute(operation, "401");
        String body = response.findElement(By.cssSelector(".response-col_description pre")).getText();
        assertThat(body).contains("\"code\": \"unauthorized\"",
                "\"description\": \"Authentication is required. Send a valid access token in the Authorization header.\"");
        String headers = response.findElement(By.cssSelector(".response-col_description")).getText().toLowerCase();
        assertThat(headers).contains("www-authenticate").contains("urn:cpsvc:cpid:" + RunningSandbox.CID);
        screenshot(operation, "customers-401.png");
    }

    /** Loads the console and expands the operation {@code method path}. */
    private static WebElement open(String method, String path) {
        browser.get(sandbox.base() + "/console");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        By locator = By.xpath("//div[contains(@class,'opblock-" + method + "')][.//*[@data-path='" + path + "']]");
        WebElement operation = wait.until(ExpectedConditions.presenceOfElementLocated(locator));
        WebElement summary = operation.findElement(By.cssSelector(".opblock-summary"));
        scrollTo(summary);
        summary.click();
        // Swagger UI renders the operation's body asynchronously: press "Try it out" until the
        // Execute button shows that it took (a press before React attached its handler is lost).
        new WebDriverWait(browser, WAIT).pollingEvery(Duration.ofSeconds(1)).until(d -> {
            if (!operation.findElements(By.cssSelector("button.execute")).isEmpty()) {
                return true;
            }
            List<WebElement> tryItOut = operation.findElements(By.cssSelector("button.try-out__btn"));
            if (!tryItOut.isEmpty()) {
                scrollTo(tryItOut.get(0));
                tryItOut.get(0).click();
            }
            return false;
        });
        return operation;
    }

    /** Presses Execute and waits for the live response, which must have {@code status}. */
    private static WebElement execute(WebElement operation, String status) {
        WebElement button = operation.findElement(By.cssSelector("button.execute"));
        scrollTo(button);
        button.click();
        WebElement response = new WebDriverWait(browser, WAIT).until(d -> {
            var found = operation.findElements(By.cssSelector(".live-responses-table tbody tr.response"));
            return found.isEmpty() ? null : found.get(0);
        });
        // The status cell's first line; a status the document lists only as a range (5XX) has a
        // second one, "Undocumented".
        assertThat(response.findElement(By.cssSelector(".response-col_status")).getText().trim().lines().findFirst())
                .hasValue(status);
        return response;
    }

    private static void scrollTo(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    private static void screenshot(WebElement operation, String name) throws IOException {
        scrollTo(operation.findElement(By.cssSelector(".live-responses-table")));
        Path shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(SCREENSHOTS.resolve(name))).isPositive();
    }
}
