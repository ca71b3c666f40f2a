package io.keyaccount.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * One headless Debian Chromium for a whole test class, pointed at the application of a
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} test. Register it on a static field:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final Browser browser = new Browser();
 * </pre>
 *
 * Every test starts signed out, at desktop size. A failing test leaves a screenshot named after it in
 * {@code target/screenshots/}. The class is skipped, with the reason, when Chromium or its driver is not
 * installed ({@code .ci/run} installs them).
 */
public final class Browser implements ExecutionCondition, BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
		AfterTestExecutionCallback {

	/** Debian's Chromium; {@code -Dkeyaccount.chromium=...} points elsewhere. */
	static final String CHROMIUM = System.getProperty("keyaccount.chromium", "/usr/bin/chromium");

	static final String CHROMEDRIVER = System.getProperty("keyaccount.chromedriver", "/usr/bin/chromedriver");

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Duration POLL = Duration.ofMillis(100);

	private static final Dimension DESKTOP = new Dimension(1366, 900);

	private static final Dimension PHONE = new Dimension(375, 812);

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	/**
	 * Selenium warns at every start that it has no DevTools binding for this Chromium version; these tests drive
	 * the browser through WebDriver only. The loggers are held here so that their level sticks.
	 */
	private static final List<Logger> CDP_WARNINGS = Stream.of("org.openqa.selenium.devtools",
			"org.openqa.selenium.chromium")
		.map(Logger::getLogger)
		.peek(logger -> logger.setLevel(Level.SEVERE))
		.toList();

	private ChromeDriverService service;

	private ChromeDriver driver;

	private Path profile;

	private Path downloads;

	private String baseUrl;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		for (String program : new String[] { CHROMIUM, CHROMEDRIVER }) {
			if (!Files.isExecutable(Path.of(program))) {
				return ConditionEvaluationResult.disabled(program + " is not installed: browser tests skipped"
						+ " (apt-get install chromium chromium-driver fonts-noto-cjk)");
			}
		}
		return ConditionEvaluationResult.enabled("Chromium at " + CHROMIUM);
	}

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		profile = Files.createTempDirectory("keyaccount-chromium-");
		downloads = Files.createTempDirectory("keyaccount-downloads-");
		Files.createDirectories(Path.of("target"));
		service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.withLogFile(new File("target/chromedriver.log"))
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1366,900", "--user-data-dir=" + profile,
				// Bootstrap then skips its fade and slide transitions, so a dialog can be used as soon as it shows.
				"--force-prefers-reduced-motion");
		// The console, for browserErrors(): a Content-Security-Policy violation is reported there.
		options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
		options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toString(),
				"download.prompt_for_download", false, "download.directory_upgrade", true,
				"safebrowsing.enabled", true));
		driver = new ChromeDriver(service, options);
		try {
			driver.executeCdpCommand("Browser.setDownloadBehavior",
					java.util.Map.of("behavior", "allow", "downloadPath", downloads.toString()));
		}
		catch (RuntimeException ex) {
			// Older drivers: the download preference above is enough.
		}
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		try {
			if (driver != null) {
				driver.quit();
			}
		}
		finally {
			if (service != null) {
				service.stop();
			}
			deleteRecursively(profile);
			deleteRecursively(downloads);
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		if (baseUrl == null) {
			String port = SpringExtension.getApplicationContext(context)
				.getEnvironment()
				.getRequiredProperty("local.server.port");
			baseUrl = "http://localhost:" + port;
		}
		if (driver.getCurrentUrl() != null && driver.getCurrentUrl().startsWith(baseUrl)) {
			driver.manage().deleteAllCookies();
		}
		driver.manage().window().setSize(DESKTOP);
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		if (context.getExecutionException().isPresent() && driver != null) {
			screenshot("failed-" + context.getRequiredTestClass().getSimpleName() + "-"
					+ context.getRequiredTestMethod().getName());
		}
	}

	/** Opens a path of the application, such as {@code /admin/users}. */
	public void open(String path) {
		driver.get(baseUrl + path);
	}

	/** Signs in on the login page and waits until the application has let the user in. */
	public void logIn(String username, String password) {
		open("/login");
		WebElement name = waitFor(By.name("username"));
		name.clear();
		name.sendKeys(username);
		WebElement secret = driver.findElement(By.name("password"));
		secret.clear();
		secret.sendKeys(password);
		click(By.id("login-submit"));
		waitUntil(ExpectedConditions.not(ExpectedConditions.urlContains("/login")),
				"signing in as " + username + " was refused");
	}

	/** Signs in as one of the {@link DemoUsers}. */
	public void logInAs(String demoUser) {
		logIn(demoUser, DemoUsers.PASSWORD);
	}

	/** Signs out through the user menu in the top bar and waits for the login page. */
	public void logOut() {
		click(By.id("user-menu"));
		click(By.id("logout"));
		waitUntil(ExpectedConditions.urlContains("/login"), "signing out did not lead to the login page");
	}

	/** Waits until the element is visible. */
	public WebElement waitFor(By locator) {
		return waitUntil(ExpectedConditions.visibilityOfElementLocated(locator), "no visible " + locator);
	}

	/** Waits until the element is no longer visible (or gone). */
	public void waitUntilHidden(By locator) {
		waitUntil(ExpectedConditions.invisibilityOfElementLocated(locator), locator + " is still visible");
	}

	/** Waits until the element shows the text. */
	public WebElement waitForText(By locator, String text) {
		waitUntil(ExpectedConditions.textToBePresentInElementLocated(locator, text),
				locator + " does not show \"" + text + "\"");
		return driver.findElement(locator);
	}

	public <T> T waitUntil(ExpectedCondition<T> condition, String failure) {
		return new WebDriverWait(driver, TIMEOUT, POLL).withMessage(failure).until(condition);
	}

	/** Clicks the element as soon as it can be clicked. */
	public void click(By locator) {
		waitUntil(ExpectedConditions.elementToBeClickable(locator), locator + " cannot be clicked").click();
	}

	/** The text of the page as the user sees it. */
	public String text() {
		return driver.findElement(By.tagName("body")).getText();
	}

	/** The text the user sees in each element matching the CSS selector, read in one round trip. */
	@SuppressWarnings("unchecked")
	public List<String> texts(String cssSelector) {
		return (List<String>) driver.executeScript(
				"return Array.from(document.querySelectorAll(arguments[0]), e => e.innerText)", cssSelector);
	}

	public String title() {
		return driver.getTitle();
	}

	public void phoneSize() {
		driver.manage().window().setSize(PHONE);
	}

	public void desktopSize() {
		driver.manage().window().setSize(DESKTOP);
	}

	/** The viewport width the page sees, in CSS pixels. */
	public long viewportWidth() {
		return (Long) driver.executeScript("return window.innerWidth");
	}

	/** Saves what the browser shows to {@code target/screenshots/<name>.png}. */
	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path target = SCREENSHOTS.resolve(name + ".png");
			Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Clicks a link that downloads a file and waits (up to the timeout given) until the browser has saved it in
	 * its download directory, emptied beforehand. Returns the saved file.
	 */
	public Path download(By link, Duration timeout) {
		try {
			try (Stream<Path> old = Files.list(downloads)) {
				old.forEach(path -> path.toFile().delete());
			}
			click(link);
			long deadline = System.nanoTime() + timeout.toNanos();
			while (System.nanoTime() < deadline) {
				try (Stream<Path> files = Files.list(downloads)) {
					List<Path> done = files.filter(path -> !path.getFileName().toString().endsWith(".crdownload")
							&& !path.getFileName().toString().endsWith(".tmp"))
						.toList();
					if (!done.isEmpty() && Files.size(done.get(0)) > 0) {
						Thread.sleep(200);
						return done.get(0);
					}
				}
				Thread.sleep(200);
			}
			throw new AssertionError("nothing was downloaded from " + link + " within " + timeout);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The errors the browser's console reported since the last call (scripts that failed, resources refused,
	 * Content-Security-Policy violations), one line each.
	 */
	public List<String> browserErrors() {
		return driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	/** For anything the helpers above do not cover. */
	public WebDriver driver() {
		return driver;
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (directory == null || !Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
	}

}
