namespace FlashSale.PaymentSandbox;

/// <summary>
/// The sandbox listens on loopback only: its controls are unauthenticated, and anyone who reaches them can pay any
/// order. Without --urls it takes the default address; a URL on another interface stops the start.
/// </summary>
internal static class LoopbackOnly
{
    public static void Apply(IWebHostBuilder host, IConfiguration configuration)
    {
        var urls = configuration[WebHostDefaults.ServerUrlsKey];
        if (string.IsNullOrWhiteSpace(urls))
        {
            host.UseUrls(SandboxDefaults.Urls);
            return;
        }

        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var address = BindingAddress.Parse(url);
            if (address.Host is not ("127.0.0.1" or "localhost" or "[::1]"))
            {
                throw new InvalidOperationException($"The payment sandbox listens on loopback only (127.0.0.1, localhost, [::1]), not on {url}.");
            }
        }
    }
}
