package io.unveil.gallery.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page in headless Debian Chromium: enter a key, enroll a person from two images (upload progress), see them in
 * the people list, watch a named visit arrive (best face, occluded and repaired badges, the repaired face), watch an
 * unknown's visit arrive (no repaired face, no broken image), say "this is Grace Hopper" on it and see the visit named,
 * filter by camera (the list holds the cameras with a snapshot and those of events, sorted), ask who is on a photo
 * (two faces: the enrolled one named, the stranger unknown with the closest identity), open a person's page and rename, check the layout at 420 px, then delete; no console error (the
 * favicon included). The camera strip shows door-cam's latest frame with the named visit's box on it. Screenshots: target/web-page.png (1280 px) and target/web-page-narrow.png (420 px).
 */
class WebPageBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    static RecognitionEvent event(String id, String camera, long track, String identityId, String name, String unknownId, boolean inpainted,
                                  RecognitionEvent.Thumbnails t) {
        return new RecognitionEvent(id, "FIRST", camera, System.currentTimeMillis(), track, new Box(10, 10, 100, 100), identityId, name, unknownId,
                identityId != null ? 0.93f : 0.31f, 0.41f, 5, inpainted ? 0.35f : 0f, inpainted, false, Map.of("embedder", "test"), t);
    }

    /** No sideways scrolling: the page is no wider than the window's content area; names what sticks out when it is. */
    static void assertFits(JavascriptExecutor js, String where) {
        Object out = js.executeScript("const w = document.documentElement.clientWidth;"
                + "if (document.documentElement.scrollWidth <= w) return null;"
                + "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w)"
                + ".slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className + ' right ' + Math.round(e.getBoundingClientRect().right) + ' of ' + w).join('; ');");
        assertTrue(out == null, "sideways scrolling " + where + ": " + out);
    }

    @Test
    void visitsPeopleAndThisIsXInTheBrowser(@TempDir Path tmp) throws Exception {
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
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            o.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService svc = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
            WebDriver d = new ChromeDriver(svc, o);
            JavascriptExecutor js = (JavascriptExecutor) d;
            try {
                WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30));
                wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class); // rows are re-rendered as events arrive
                // door-cam's latest frame, 640x360: the fixture keeps it 64 px wide; the event's box lands on it
                fx.cameras.offer(new io.unveil.core.record.Frame("door-cam", 1, System.currentTimeMillis(),
                        Images.encodeJpeg(Images.resize(PatternFaces.chip(31, 5, 20), 640, 360), 80)));
                // back-cam sends frames but no face: it has a snapshot and no event, and the camera filter still lists it
                fx.cameras.offer(new io.unveil.core.record.Frame("back-cam", 1, System.currentTimeMillis(),
                        Images.encodeJpeg(Images.resize(PatternFaces.chip(33, 4, 20), 640, 360), 80)));
                d.get(fx.url + "/");
                assertEquals("Unveil — visits, people and live events", d.getTitle());
                d.findElement(By.id("apiKey")).sendKeys(ApiFixture.ADMIN);
                d.findElement(By.id("saveKey")).click();
                wait.until(x -> x.findElement(By.id("status")).getText().equals("connected"));

                d.findElement(By.id("name")).sendKeys("Ada Lovelace");
                d.findElement(By.id("images")).sendKeys(a + "\n" + b);
                d.findElement(By.cssSelector("#enrollForm button[type=submit]")).click();
                wait.until(x -> x.findElement(By.id("enrollResult")).getText().contains("enrolled Ada Lovelace (2 images)"));
                assertFalse(d.findElement(By.id("uploadProgress")).isDisplayed(), "the progress bar goes once the upload is done");
                WebElement row = wait.until(x -> x.findElement(By.cssSelector("#identities tr")));
                assertTrue(row.getText().contains("Ada Lovelace"));
                String ada = row.getAttribute("data-id");
                assertEquals(1, fx.store.entries.size());

                // "who is on a photo?": Ada and a stranger on one photo, each face with its judgement
                Path who = tmp.resolve("who.png");
                Files.write(who, Images.encodePng(MarkedFaces.image(480, 320, 9, new Spec(31, 20, 60, 150, false, false),
                        new Spec(34, 260, 60, 150, false, false))));
                d.findElement(By.id("whoIsImage")).sendKeys(who.toString());
                d.findElement(By.cssSelector("#whoIsForm button[type=submit]")).click();
                wait.until(x -> x.findElements(By.cssSelector("#whoIsResult li")).size() == 2);
                String whoIs = d.findElement(By.id("whoIsResult")).getText();
                assertTrue(whoIs.contains(": Ada Lovelace — similarity") && whoIs.contains("(plain, held to 0.60)"), whoIs);
                assertTrue(whoIs.contains(": unknown (plain, held to 0.60; closest Ada Lovelace"), whoIs);

                wait.until(x -> fx.feed.subscribers() > 0);
                byte[] thumb = Images.encodePng(Images.resize(PatternFaces.chip(31, 5, 20), 128, 128));
                // a frame of the event's moment: boxes are drawn on a snapshot within 2.5 s of their capture time, and the
                // enrollment above can take longer than that on a loaded machine (CI failed once so)
                fx.cameras.offer(new io.unveil.core.record.Frame("door-cam", 2, System.currentTimeMillis(),
                        Images.encodeJpeg(Images.resize(PatternFaces.chip(31, 5, 20), 640, 360), 80)));
                fx.feed.publish(event("ev-1", "door-cam", 4, ada, "Ada Lovelace", null, true, new RecognitionEvent.Thumbnails(thumb, thumb, thumb)));
                WebElement named = wait.until(x -> x.findElement(By.cssSelector("#visits .visit[data-key='door-cam/4']")));
                assertTrue(named.getText().contains("Ada Lovelace"), named.getText());
                assertTrue(named.getText().contains("door-cam"));
                assertTrue(named.getText().contains("occluded 35%") && named.getText().contains("repaired"), named.getText());
                assertEquals(128L, ((Number) js.executeScript("return document.querySelector(\"#visits .visit img.face\").naturalWidth")).longValue(),
                        "best face decoded in the page");
                assertEquals(1, named.findElements(By.cssSelector("img.repaired")).size(), "the repaired face of a repaired visit");
                WebElement box = wait.until(x -> x.findElement(By.cssSelector("#cameraStrip .camera[data-camera='door-cam'] .box")));
                assertEquals("Ada Lovelace", box.getAttribute("data-label"));
                assertEquals(64L, ((Number) js.executeScript(
                        "return document.querySelector(\"#cameraStrip .camera[data-camera='door-cam'] img\").naturalWidth")).longValue(),
                        "the snapshot shown is the downscaled frame");
                assertTrue(d.findElement(By.id("cameraStrip")).getText().contains("door-cam"));

                // an unknown whose face was not repaired: no repaired image, no empty or broken image anywhere
                byte[] stranger = Images.encodePng(Images.resize(PatternFaces.chip(32, 3, 20), 128, 128));
                fx.feed.publish(event("ev-2", "lobby", 9, null, null, "unknown-5", false, new RecognitionEvent.Thumbnails(stranger, null, null)));
                WebElement unknown = wait.until(x -> x.findElement(By.cssSelector("#visits .visit[data-unknown-id='unknown-5']")));
                assertTrue(unknown.findElements(By.cssSelector("img.repaired")).isEmpty(), "no repaired face when none was repaired");
                assertFalse(unknown.getText().contains("repaired"), unknown.getText());
                assertEquals(0L, ((Number) js.executeScript(
                        "return [...document.images].filter(i => !i.complete || i.naturalWidth === 0).length")).longValue(), "no broken image");

                unknown.findElement(By.cssSelector("button.identify")).click();
                wait.until(x -> x.findElement(By.id("identifyBox")).isDisplayed());
                d.findElement(By.id("identifyName")).sendKeys("Grace Hopper");
                d.findElement(By.cssSelector("#identifyForm button[type=submit]")).click();
                wait.until(x -> fx.store.entries.size() == 2);
                wait.until(x -> x.findElement(By.cssSelector("#visits .visit[data-key='lobby/9']")).getText().contains("Grace Hopper (was unknown-5)"));
                wait.until(x -> x.findElement(By.id("identities")).getText().contains("Grace Hopper"));

                // the camera filter: the snapshot cameras and the cameras of events, once each, sorted
                wait.until(x -> List.of("", "back-cam", "door-cam", "lobby").equals(
                        new Select(x.findElement(By.id("fCamera"))).getOptions().stream().map(opt -> opt.getAttribute("value")).toList()));
                new Select(d.findElement(By.id("fCamera"))).selectByValue("lobby");
                d.findElement(By.cssSelector("#filters button[type=submit]")).click();
                wait.until(x -> x.findElements(By.cssSelector("#visits .visit")).size() == 1);
                assertTrue(d.findElement(By.cssSelector("#visits .visit")).getText().contains("Grace Hopper"), "the filter keeps lobby's visit");
                d.findElement(By.id("fClear")).click();
                wait.until(x -> x.findElements(By.cssSelector("#visits .visit")).size() == 2);

                d.findElement(By.cssSelector("#visits .visit[data-key='door-cam/4'] button.person")).click();
                wait.until(x -> x.findElement(By.id("person")).isDisplayed());
                wait.until(x -> x.findElement(By.id("personFacts")).getText().contains("2 enrolled photos"));
                wait.until(x -> x.findElement(By.id("personVisits")).getText().contains("door-cam"));
                WebElement rename = d.findElement(By.id("renameTo"));
                rename.clear();
                rename.sendKeys("Ada King");
                d.findElement(By.cssSelector("#renameForm button[type=submit]")).click();
                wait.until(x -> "Ada King".equals(fx.store.get(ada).name()));
                wait.until(x -> x.findElement(By.cssSelector("#visits .visit[data-key='door-cam/4']")).getText().contains("Ada King"));
                wait.until(x -> x.findElement(By.id("personVisits")).getText().contains("Ada King"));
                assertFits(js, "at 1280 px");
                Files.createDirectories(Path.of("target"));
                Files.write(Path.of("target/web-page.png"), ((TakesScreenshot) d).getScreenshotAs(OutputType.BYTES));

                d.manage().window().setSize(new Dimension(420, 900));
                wait.until(x -> ((Number) js.executeScript("return window.innerWidth")).longValue() <= 420);
                assertFits(js, "at 420 px");
                Files.write(Path.of("target/web-page-narrow.png"), ((TakesScreenshot) d).getScreenshotAs(OutputType.BYTES));
                d.manage().window().setSize(new Dimension(1280, 900));

                js.executeScript("window.confirm = () => true;");
                d.findElement(By.cssSelector("#identities tr[data-id='" + ada + "'] button.delete")).click();
                wait.until(x -> fx.store.get(ada) == null);
                wait.until(x -> x.findElements(By.cssSelector("#identities tr[data-id='" + ada + "']")).isEmpty());

                List<String> errors = d.manage().logs().get(LogType.BROWSER).getAll().stream()
                        .filter(l -> l.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
                assertTrue(errors.isEmpty(), "console errors: " + errors);
            } finally {
                d.quit();
            }
        }
    }
}
