package io.switchboard.app.console;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the console's browser tests share: Debian's chromium, headless, through chromedriver (one
 * browser per test class), and the steps every test takes (sign in and out, wait for a notice or a
 * field's error, take a screenshot). Without a browser the tests are skipped, except under CI (env
 * {@code CI} set), where they fail.
 */
abstract class ConsoleBrowserBase extends ConsoleTestBase {
  static WebDriver browser;
  static Fixture f;

  @BeforeAll
  static void startBrowser() {
    File chromium = firstExisting("/usr/bin/chromium", "/usr/bin/chromium-browser");
    File driver = firstExisting("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    boolean present = chromium != null && driver != null;
    if (!present && System.getenv("CI") != null) {
      throw new IllegalStateException(
          "CI is set but chromium or chromedriver is missing; run console/ci/install-browser.sh");
    }
    Assumptions.assumeTrue(present, "chromium and chromedriver are not installed");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,1200");
    browser =
        new ChromeDriver(
            new ChromeDriverService.Builder().usingDriverExecutable(driver).build(), options);
    browser.manage().timeouts().implicitlyWait(Duration.ZERO);
  }

  /** The application is up once the first test instance is (the Spring extension starts it). */
  @BeforeEach
  void data() {
    f = fixture();
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  private static File firstExisting(String... paths) {
    for (String p : paths) {
      File file = new File(p);
      if (file.canExecute()) {
        return file;
      }
    }
    return null;
  }

  static WebDriverWait waiting(int seconds) {
    return new WebDriverWait(browser, Duration.ofSeconds(seconds));
  }

  static Object js(String script) {
    return ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(script);
  }

  static void open(String path) {
    browser.get(BASE + path);
  }

  static void signIn(String user, String password) {
    open("/console/login");
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("sign-in")).click();
    waiting(10).until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
  }

  static void signOut() {
    browser.findElement(By.id("sign-out")).click();
    waiting(10).until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in")));
  }

  static void screenshot(String name) throws Exception {
    Path dir = Path.of("target/console-screenshots");
    Files.createDirectories(dir);
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Path target = dir.resolve(name + ".png");
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    String docs = System.getProperty("switchboard.console.screenshots");
    if (docs != null && !docs.isBlank()) {
      Files.createDirectories(Path.of(docs));
      Files.copy(target, Path.of(docs, name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Clicks the element {@code id} inside a live region: the page replaces the region whenever its
   * feed reports a change, so the element found may be gone by the time the click reaches it; a
   * click that met a replaced node did nothing and is made again on the new one.
   */
  static void clickLive(String id) {
    waiting(10)
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              d.findElement(By.id(id)).click();
              return true;
            });
  }

  /** Waits until the field error {@code id} says something, and answers it. */
  static String fieldError(String id) {
    return waiting(10)
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              String text = d.findElement(By.id(id)).getText();
              return text.isBlank() ? null : text;
            });
  }

  /**
   * Waits for a notice that passes {@code test}: after a click the previous page's notice may still
   * show, and while the page is replaced Chromium answers for nodes of the old document.
   */
  static String noticeMatching(java.util.function.Predicate<String> test) {
    return waiting(10)
        .ignoring(WebDriverException.class)
        .until(
            d -> {
              String text = d.findElement(By.cssSelector(".notice")).getText();
              return test.test(text) ? text : null;
            });
  }

  static void type(String id, String text) {
    WebElement field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  /** Sets a {@code datetime-local} input (the browser's own widget ignores typed separators). */
  static void datetime(String id, java.time.LocalDateTime when) {
    js(
        "document.getElementById('"
            + id
            + "').value = '"
            + when.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"))
            + "';");
  }
}
