using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FlashSale.Operations.Settings;

public static class ShutdownSettings
{
    /// <summary>
    /// <c>HostOptions:ShutdownTimeout</c>: how long SIGTERM waits for in-flight work (claims waiting
    /// for their group commit, grains deactivating) before the process stops anyway.
    /// </summary>
    public static void AddFlashSaleShutdown(this IServiceCollection services) =>
        services.AddOptions<HostOptions>().BindConfiguration("HostOptions")
            .Validate(host => host.ShutdownTimeout >= TimeSpan.Zero,
                $"{SettingsValidation.Named("HostOptions:ShutdownTimeout")}: must not be negative.")
            .ValidateOnStart();
}
