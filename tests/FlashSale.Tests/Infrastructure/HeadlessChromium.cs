using Microsoft.Playwright;

namespace FlashSale.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium (deploy/chromium.sh installs it; CHROMIUM names another), headless, driven by
/// Playwright. Each page opened here fails its test on any script error, and can be kept as a
/// screenshot in artifacts/screenshots.
/// </summary>
public sealed class HeadlessChromium : IAsyncLifetime
{
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 860 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static string ScreenshotFolder { get; } = Path.Combine(Repo.Root, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            // Root needs --no-sandbox; the machine has no network beyond loopback, so nothing may call home.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// A page in a fresh browser context (its own storage, so its own sign-in) at <paramref name="baseAddress"/>,
    /// in a browser whose language is <paramref name="locale"/> (the pages follow it: "zh-CN" reads Chinese).
    /// </summary>
    public async Task<BrowserPage> OpenAsync(Uri baseAddress, string path, ViewportSize? viewport = null, string locale = "en-US")
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = viewport ?? Desktop,
            Locale = locale,
        });
        var page = await context.NewPageAsync();
        var browserPage = new BrowserPage(context, page);
        await page.GotoAsync(path);
        return browserPage;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>
/// One open page and what went wrong in it so far: script errors, and server errors it was answered
/// with. Refusals (4xx) are the API talking to the page, which shows them; Chromium logs each as a
/// failed load, and those lines are left out.
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    public BrowserPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.PageError += (_, error) => { lock (_errors) _errors.Add(error); };
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                lock (_errors) _errors.Add(message.Text);
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 500)
            {
                lock (_errors) _errors.Add($"{response.Status} from {response.Url}");
            }
        };
    }

    public IPage Page { get; }

    public void AssertNoErrors()
    {
        lock (_errors)
        {
            Assert.True(_errors.Count == 0, "The page reported: " + string.Join(" | ", _errors));
        }
    }

    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(HeadlessChromium.ScreenshotFolder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(HeadlessChromium.ScreenshotFolder, name + ".png"), FullPage = true });
    }

    /// <summary>
    /// Runs axe-core (from the pages' npm development packages) over the page as it stands and fails on
    /// any serious or critical violation of WCAG 2.1 A/AA, naming the rule and the elements.
    /// </summary>
    public async Task AssertAccessibleAsync()
    {
        // Evaluated through the debugging protocol: a script tag would be refused by the pages' CSP, rightly.
        await Page.EvaluateAsync(AxeSource.Value);
        var violations = await Page.EvaluateAsync<AxeViolation[]>("""
            async () => (await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })).violations
              .filter(v => v.impact === 'serious' || v.impact === 'critical')
              .map(v => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')) }))
            """);
        Assert.True(violations.Length == 0, "axe: " + string.Join(" | ", violations.Select(v => $"{v.Id} ({v.Impact}) at {string.Join(", ", v.Targets)}")));
    }

    private static readonly Lazy<string> AxeSource = new(() =>
        File.ReadAllText(Path.Combine(Repo.Root, "api", "web", "node_modules", "axe-core", "axe.min.js")));

    // Settable properties: Playwright fills results in, it does not call constructors.
    private sealed class AxeViolation
    {
        public string Id { get; set; } = "";

        public string Impact { get; set; } = "";

        public string[] Targets { get; set; } = [];
    }

    /// <summary>
    /// The value a datetime-local input shows for <paramref name="at"/> in the browser's zone. Whole minutes without
    /// their ":00": the browser keeps them so, and Playwright refuses a fill whose value the input changes.
    /// </summary>
    public Task<string> LocalInputAsync(DateTimeOffset at) =>
        Page.EvaluateAsync<string>(
            "ms => { const d = new Date(ms); return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 19).replace(/:00$/, ''); }",
            at.ToUnixTimeMilliseconds());

    /// <summary>Whether the page is wider than its window: a phone would have to scroll sideways.</summary>
    public Task<bool> OverflowsSidewaysAsync() =>
        Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");

    public async Task SignInAsync(string userId, string? role = null, string? tier = null)
    {
        var form = Page.Locator("form.signin");
        await form.Locator("input[name=userId]").FillAsync(userId);
        if (tier is not null)
        {
            await form.Locator("input[name=tier]").FillAsync(tier);
        }

        if (role is not null)
        {
            await form.Locator("select[name=role]").SelectOptionAsync(role);
        }

        await form.Locator("button").ClickAsync();
        await Assertions.Expect(Page.Locator(".signed-in .who")).ToContainTextAsync(userId);
    }

    /// <summary>Signs in as outside Development: with a token from elsewhere, pasted into the form.</summary>
    public async Task PasteTokenAsync(string token, string userId)
    {
        var form = Page.Locator("form.signin");
        await form.Locator("input[name=token]").FillAsync(token);
        await form.Locator("button").ClickAsync();
        await Assertions.Expect(Page.Locator(".signed-in .who")).ToContainTextAsync(userId);
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
