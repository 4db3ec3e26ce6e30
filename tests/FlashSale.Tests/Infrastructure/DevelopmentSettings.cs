using System.Text.Json;

namespace FlashSale.Tests.Infrastructure;

/// <summary>What the API runs with in Development (its appsettings.Development.json), for tools that mint their own tokens.</summary>
public static class DevelopmentSettings
{
    /// <summary>The key the API signs tokens with in Development.</summary>
    public static string SigningKey()
    {
        var settings = Path.Combine(Path.GetDirectoryName(Repo.Binary("api", "FlashSale.Api.dll"))!, "appsettings.Development.json");
        using var json = JsonDocument.Parse(File.ReadAllText(settings));
        return json.RootElement.GetProperty("Jwt").GetProperty("SigningKey").GetString()!;
    }
}
