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

    /// <summary>A page in a fresh browser context (its own storage, so its own sign-in) at <paramref name="baseAddress"/>.</summary>
    public async Task<BrowserPage> OpenAsync(Uri baseAddress, string path, ViewportSize? viewport = null)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = viewport ?? Desktop,
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
