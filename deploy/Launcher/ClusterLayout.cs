using System.Globalization;

namespace FlashSale.Launcher;

/// <summary>
/// Where the local cluster keeps its files and which ports it numbers its nodes' from: run.sh's environment
/// variables (FLASHSALE_DATA, FLASHSALE_PG_PORT, FLASHSALE_URL, FLASHSALE_SILO_PORT, FLASHSALE_GATEWAY_PORT,
/// FLASHSALE_SILO_HTTP_PORT, FLASHSALE_SANDBOX_URL, FLASHSALE_STOP_GRACE) or their defaults.
/// The silo's appsettings.Development.json points its payment channels at the sandbox's default URL.
/// </summary>
public sealed record ClusterLayout(
    string Repo, string Data, string PostgresPort, string Url, int SiloPort, int GatewayPort, int SiloHttpPort, TimeSpan StopGrace,
    string SandboxUrl = "http://127.0.0.1:5090")
{
    public string Logs => Path.Combine(Data, "logs");

    /// <summary>The pid files of the running nodes.</summary>
    public string Run => Path.Combine(Data, "run");

    public string PostgresData => Path.Combine(Data, "postgres");

    public string SiloDll => Built("silo", "FlashSale.Silo.dll");

    public string ApiDll => Built("api", "FlashSale.Api.dll");

    public string SandboxDll => Built(Path.Combine("deploy", "PaymentSandbox"), "FlashSale.PaymentSandbox.dll");

    /// <summary>The sandbox's platform key, kept so that a restart signs as before (certificates fetched earlier stay good).</summary>
    public string SandboxKey => Path.Combine(Data, "payment-sandbox-key.pem");

    /// <param name="repo">The checkout's root.</param>
    /// <param name="variable">Reads an environment variable (null when unset).</param>
    public static ClusterLayout Read(string repo, Func<string, string?> variable) => new(
        repo,
        Path.GetFullPath(variable("FLASHSALE_DATA") ?? Path.Combine(repo, ".data")),
        variable("FLASHSALE_PG_PORT") ?? "25432",
        variable("FLASHSALE_URL") ?? "http://localhost:5000",
        Number(variable, "FLASHSALE_SILO_PORT", 11111),
        Number(variable, "FLASHSALE_GATEWAY_PORT", 30000),
        Number(variable, "FLASHSALE_SILO_HTTP_PORT", 11180),
        // Longer than the programs' own HostOptions:ShutdownTimeout (30 s), so that they drain before a SIGKILL.
        TimeSpan.FromSeconds(Number(variable, "FLASHSALE_STOP_GRACE", 35)),
        variable("FLASHSALE_SANDBOX_URL") ?? "http://127.0.0.1:5090");

    /// <summary>The checkout this launcher was built in: the nearest folder above it holding FlashSale.slnx.</summary>
    public static string FindRepo()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "FlashSale.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new LaunchFailed($"no FlashSale.slnx above {AppContext.BaseDirectory}");
    }

    private string Built(string project, string assembly) => Path.Combine(Repo, project, "bin", "Release", "net10.0", assembly);

    private static int Number(Func<string, string?> variable, string name, int defaultValue)
    {
        var text = variable(name);
        if (text is null)
        {
            return defaultValue;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new LaunchFailed($"{name} must be a whole number, not '{text}'");
    }
}
