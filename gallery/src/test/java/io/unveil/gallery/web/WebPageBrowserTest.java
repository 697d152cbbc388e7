package io.unveil.gallery.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.unveil.core.image.Images;
import io.unveil.core.record.Box;
import io.unveil.core.record.RecognitionEvent;
import io.unveil.gallery.api.ApiFixture;
import io.unveil.gallery.api.UploadLimits;
import io.unveil.gallery.testing.MarkedFaces;
import io.unveil.gallery.testing.MarkedFaces.Spec;
import io.unveil.recognize.testing.PatternFaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page in headless Debian Chromium: enter a key, enroll a person from two images, see them in the gallery,
 * watch a live event with its thumbnail arrive, delete the person. Screenshot: target/web-page.png.
 */
class WebPageBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void enrollWatchAndDeleteInTheBrowser(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "skipped: needs Debian chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        Path a = tmp.resolve("ada-1.png");
        Path b = tmp.resolve("ada-2.png");
        Files.write(a, MarkedFaces.png(1, Spec.of(31)));
        Files.write(b, MarkedFaces.png(2, Spec.of(31)));
        try (ApiFixture fx = new ApiFixture(UploadLimits.defaults())) {
            ChromeOptions o = new ChromeOptions();
            o.setBinary(CHROMIUM.toFile());
            o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,900",
                    "--user-data-dir=" + tmp.resolve("profile"));
            ChromeDriverService svc = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
            WebDriver d = new ChromeDriver(svc, o);
            try {
                WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30));
                d.get(fx.url + "/");
                assertEquals("Unveil — gallery and live events", d.getTitle());
                d.findElement(By.id("apiKey")).sendKeys(ApiFixture.ADMIN);
                d.findElement(By.id("saveKey")).click();
                wait.until(x -> x.findElement(By.id("status")).getText().equals("connected"));

                d.findElement(By.id("name")).sendKeys("Ada Lovelace");
                d.findElement(By.id("images")).sendKeys(a + "\n" + b);
                d.findElement(By.cssSelector("#enrollForm button[type=submit]")).click();
                wait.until(x -> x.findElement(By.id("enrollResult")).getText().contains("enrolled Ada Lovelace (2 images)"));
                WebElement row = wait.until(x -> x.findElement(By.cssSelector("#identities tr")));
                assertTrue(row.getText().contains("Ada Lovelace"));
                String id = row.getAttribute("data-id");
                assertEquals(1, fx.store.entries.size());

                wait.until(x -> fx.feed.subscribers() > 0);
                byte[] thumb = Images.encodePng(Images.resize(PatternFaces.chip(31, 5, 20), 128, 128));
                fx.feed.publish(new RecognitionEvent("ev-1", "FIRST", "door-cam", System.currentTimeMillis(), 4,
                        new Box(10, 10, 100, 100), id, "Ada Lovelace", null, 0.93f, 0.41f, 5, 0.35f, true, false,
                        Map.of("embedder", "test"), new RecognitionEvent.Thumbnails(thumb, thumb, thumb)));
                WebElement ev = wait.until(x -> x.findElement(By.cssSelector("#events .event[data-event-id='ev-1']")));
                assertTrue(ev.getText().contains("Ada Lovelace"), ev.getText());
                assertTrue(ev.getText().contains("door-cam"));
                Object loaded = ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                        "return document.querySelector(\"#events .event img\").naturalWidth");
                assertEquals(128L, ((Number) loaded).longValue(), "thumbnail decoded in the page");
                Files.createDirectories(Path.of("target"));
                Files.write(Path.of("target/web-page.png"), ((TakesScreenshot) d).getScreenshotAs(OutputType.BYTES));

                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("window.confirm = () => true;");
                d.findElement(By.cssSelector("#identities tr button.delete")).click();
                wait.until(x -> fx.store.entries.isEmpty());
                wait.until(x -> x.findElements(By.cssSelector("#identities tr")).isEmpty());
            } finally {
                d.quit();
            }
        }
    }
}
