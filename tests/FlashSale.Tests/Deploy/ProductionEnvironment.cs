using System.Globalization;
using System.Security.Cryptography;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Deploy;

/// <summary>What a deployment gives a program in Production: its own keys, the test PostgreSQL, ports of its own.</summary>
public static class ProductionEnvironment
{
    public static async Task<Dictionary<string, string>> OfAsync(string program)
    {
        var cluster = "production-" + Guid.NewGuid().ToString("N")[..8];
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Repo.FreePort()}",
            ["ConnectionStrings__FlashSale"] = await TestDatabase.ConnectionStringAsync(),
            ["Orleans__ClusterId"] = cluster,
            ["Orleans__ServiceId"] = cluster,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (program == DeployedProcess.Api.Name)
        {
            environment["Jwt__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
            environment["Risk__Challenges__HmacKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        }
        else
        {
            environment["CardSecrets__Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            environment["Orleans__SiloPort"] = Repo.FreePort().ToString(CultureInfo.InvariantCulture);
            environment["Orleans__GatewayPort"] = Repo.FreePort().ToString(CultureInfo.InvariantCulture);
        }

        return environment;
    }
}
