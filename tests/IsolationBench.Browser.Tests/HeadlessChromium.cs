using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace IsolationBench.Browser.Tests;

/// <summary>
/// Debian's chromium driven by its chromedriver, offline (no Selenium Manager download). In CI (CI=true) a missing
/// browser is a failure — .ci/run installs chromium and chromium-driver — elsewhere the tests skip and say why.
/// Console errors and uncaught exceptions are collected by a script that runs before the page's own.
/// </summary>
internal sealed class HeadlessChromium : IDisposable
{
    private const string Collector =
        "window.__isobenchErrors=[];" +
        "const e=console.error.bind(console);console.error=(...a)=>{window.__isobenchErrors.push(a.map(String).join(' '));e(...a);};" +
        "window.addEventListener('error',ev=>window.__isobenchErrors.push('uncaught: '+(ev.message||(ev.target&&ev.target.src)||ev.type)),true);";

    private static readonly string[] Browsers = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
    private static readonly string[] Drivers = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"];

    private readonly ChromeDriver _driver;

    private HeadlessChromium(ChromeDriver driver) => _driver = driver;

    public IWebDriver Driver => _driver;

    /// <summary>A browser with a window of <paramref name="width"/>×<paramref name="height"/> CSS pixels.</summary>
    public static HeadlessChromium Start(int width, int height)
    {
        var browser = Browsers.FirstOrDefault(File.Exists);
        var driver = Drivers.FirstOrDefault(File.Exists);
        if (browser is null || driver is null)
        {
            var message = "the browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)";
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            {
                throw new InvalidOperationException(message + "; .ci/run should have installed them");
            }

            Skip.If(true, message + " — skipped outside CI");
        }

        Environment.SetEnvironmentVariable("SE_OFFLINE", "true"); // never let Selenium Manager reach for the network
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driver)!, Path.GetFileName(driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = browser };
        // --no-sandbox: CI runs as root, where chromium refuses its sandbox. file:// pages only, nothing fetched.
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
            "--allow-file-access-from-files", $"--window-size={width},{height}");
        var chrome = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        chrome.ExecuteCdpCommand("Page.addScriptToEvaluateOnNewDocument", new Dictionary<string, object?> { ["source"] = Collector });
        // The window includes the browser's own frame; the viewport is what a phone's width means.
        chrome.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = width < 600,
        });
        return new HeadlessChromium(chrome);
    }

    public void Open(string file) => _driver.Navigate().GoToUrl(new Uri(Path.GetFullPath(file)).AbsoluteUri);

    public T Script<T>(string script) => (T)_driver.ExecuteScript(script)!;

    public IReadOnlyList<string> Errors() =>
        [.. ((IEnumerable<object>)_driver.ExecuteScript("return window.__isobenchErrors || []")!).Select(o => o.ToString() ?? string.Empty)];

    /// <summary>Saves a full-page screenshot under the test output (a CI artifact, never in git) and returns its path.</summary>
    public string Screenshot(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        var shot = _driver.ExecuteCdpCommand("Page.captureScreenshot", new Dictionary<string, object?> { ["captureBeyondViewport"] = true, ["format"] = "png" });
        var data = shot is IDictionary<string, object?> d && d["data"] is string png ? png : _driver.GetScreenshot().AsBase64EncodedString;
        File.WriteAllBytes(path, Convert.FromBase64String(data));
        return path;
    }

    public void Dispose()
    {
        _driver.Quit();
        _driver.Dispose();
    }
}
