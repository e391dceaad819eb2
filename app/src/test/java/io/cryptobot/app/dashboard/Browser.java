package io.cryptobot.app.dashboard;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Debian's chromium, headless, driven by Playwright for Java without its own browser download
 * (bin/ensure-browser installs chromium when it is missing). Each context is one user at a client address of its
 * own (the tests trust X-Forwarded-For, so login rate limits of one test never touch another).
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("cryptobot.chromium", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;
    /** Uncaught errors of any page and every message about the content security policy. */
    final List<String> problems = new ArrayList<>();

    Browser() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM + " is missing: run bin/ensure-browser (apt-get install chromium)");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(List.of("--no-sandbox")));
    }

    Page page(int width, int height) {
        BrowserContext context = browser.newContext(new NewContextOptions().setViewportSize(width, height)
                .setAcceptDownloads(true)
                .setExtraHTTPHeaders(Map.of("X-Forwarded-For", newAddress())));
        Page page = context.newPage();
        page.setDefaultTimeout(30_000);
        page.onPageError(error -> problems.add("page error: " + error));
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                problems.add("console: " + message.text());
            }
        });
        return page;
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    static String newAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
