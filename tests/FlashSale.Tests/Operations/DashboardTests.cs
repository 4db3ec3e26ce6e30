using System.Net;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;
using FlashSale.Tests.WebPages;
using static Microsoft.Playwright.Assertions;

namespace FlashSale.Tests.Operations;

/// <summary>The Orleans dashboard on the API node: admins only, by bearer header or by the cookie a browser gets for it.</summary>
[Trait("Tier", "EndToEnd")]
[Collection(PagesCollection.Name)]
public sealed class DashboardTests(PagesSystem system, HeadlessChromium chromium)
{
    [Fact]
    public async Task Only_admins_open_the_dashboard_and_its_data_shows_the_running_silo()
    {
        using var anonymous = system.Client();
        using var shopper = system.Client(await system.TokenAsync("dash-shopper", "shopper"));
        using var marketer = system.Client(await system.TokenAsync("dash-marketer", "marketing"));
        using var admin = system.Client(await system.TokenAsync("dash-admin", "admin"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/dashboard/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await shopper.GetAsync("/dashboard/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await marketer.GetAsync("/dashboard/ClusterStats")).StatusCode);

        using var page = await admin.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);

        var hosts = await Eventually.ReturnsAsync(async () =>
        {
            using var response = await admin.GetAsync("/dashboard/DashboardCounters");
            return response.StatusCode == HttpStatusCode.OK
                ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("hosts").Clone()
                : default;
        }, hosts => hosts.ValueKind == JsonValueKind.Array && hosts.GetArrayLength() > 0);
        Assert.Equal("Active", Assert.Single(hosts.EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_browser_session_cookie_opens_the_dashboard_alone_and_only_an_admin_gets_one()
    {
        using var shopper = system.Client(await system.TokenAsync("dash-shopper-2", "shopper"));
        Assert.Equal(HttpStatusCode.Forbidden, (await shopper.PostAsync("/api/admin/dashboard/session", null)).StatusCode);

        using var admin = system.Client(await system.TokenAsync("dash-admin-2", "admin"));
        using var opened = await admin.PostAsync("/api/admin/dashboard/session", null);
        Assert.Equal(HttpStatusCode.NoContent, opened.StatusCode);
        var cookie = Assert.Single(opened.Headers.GetValues("Set-Cookie"));
        Assert.Contains("path=/dashboard", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        // What a browser sends back: the cookie and no Authorization header.
        using var browser = system.Client();
        browser.DefaultRequestHeaders.Add("Cookie", cookie.Split(';')[0]);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/dashboard/ClusterStats")).StatusCode);
        // Anywhere else it grants nothing.
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/admin/blocks")).StatusCode);
    }

    [Fact]
    public async Task An_admin_opens_the_dashboard_from_the_board_and_it_loads_its_data_in_the_browser()
    {
        await using var board = await chromium.OpenAsync(system.BaseAddress, "/board.html");
        var button = board.Page.Locator("#cluster-dashboard");
        await board.SignInAsync("dash-marketer-page", "marketing");
        await Expect(button).ToBeHiddenAsync();
        await board.Page.Locator(".signed-in button").ClickAsync();
        await board.SignInAsync("dash-admin-page", "admin");

        var dashboard = await board.Page.Context.RunAndWaitForPageAsync(() => button.ClickAsync());
        // Its own requests (no bearer header) get the figures: an error would fill the error banner instead.
        await Expect(dashboard.GetByText("Active Silos")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(dashboard.Locator("#error-message-content")).ToBeEmptyAsync();
        await dashboard.ScreenshotAsync(new() { Path = Path.Combine(HeadlessChromium.ScreenshotFolder, "orleans-dashboard.png") });
        board.AssertNoErrors();
    }
}
