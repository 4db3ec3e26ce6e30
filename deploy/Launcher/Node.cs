using System.Globalization;
using System.Text.RegularExpressions;
using static System.FormattableString;

namespace FlashSale.Launcher;

/// <summary>
/// Silo i or API node j of the local cluster: its names, its ports (its kind's first ones plus its number, the
/// same on every restart), its log and its pid file.
/// </summary>
public sealed partial class Node(NodeKind kind, int index, int ofItsKind, ClusterLayout layout)
{
    public NodeKind Kind { get; } = kind;

    public ClusterLayout Layout => layout;

    public int Index { get; } = index;

    /// <summary>silo-I or api-J: its pid file's and (in a cluster of several) its log's name.</summary>
    public string Key => Kind switch
    {
        NodeKind.Silo => "silo-",
        NodeKind.Api => "api-",
        _ => "sandbox-",
    } + Index.ToString(CultureInfo.InvariantCulture);

    /// <summary>"silo I" or "API node J", as messages name it.</summary>
    public string Name => KindName + " " + Index.ToString(CultureInfo.InvariantCulture);

    public string KindName => Kind switch
    {
        NodeKind.Silo => "silo",
        NodeKind.Api => "API node",
        _ => "payment sandbox",
    };

    public string Log => Path.Combine(layout.Logs, ofItsKind == 1 ? Kind switch
    {
        NodeKind.Silo => "silo",
        NodeKind.Api => "api",
        _ => "payment-sandbox",
    } + ".log" : Key + ".log");

    public string PidFile => Path.Combine(layout.Run, Key + ".pid");

    public string Assembly => Kind switch
    {
        NodeKind.Silo => layout.SiloDll,
        NodeKind.Api => layout.ApiDll,
        _ => layout.SandboxDll,
    };

    public int SiloPort => layout.SiloPort + Index;

    public int GatewayPort => layout.GatewayPort + Index;

    /// <summary>The node's ASPNETCORE_URLS: a silo's health and metrics, or the API; API node j on FLASHSALE_URL's port + j.</summary>
    public string Urls => Kind switch
    {
        NodeKind.Silo => SiloHttp,
        NodeKind.Api => ApiUrl(),
        _ => layout.SandboxUrl,
    };

    /// <summary>Where the node is asked whether it is ready: the first of its URLs, a wildcard host as localhost.</summary>
    public string ProbeBase => Wildcard().Replace(Urls.Split(';')[0].TrimEnd('/'), "${scheme}localhost${rest}");

    /// <summary>
    /// A silo is ready once it is Active in the membership and its database answers (/health/ready); an API node
    /// once it answers at all (/health/live).
    /// </summary>
    public string ReadyPath => Kind switch
    {
        NodeKind.Silo => "/health/ready",
        NodeKind.Api => "/health/live",
        _ => "/sandbox/health",
    };

    private string SiloHttp => Invariant($"http://127.0.0.1:{layout.SiloHttpPort + Index}");

    private string ApiUrl()
    {
        if (Index == 0)
        {
            return layout.Url;
        }

        var url = SchemeHostPort().Match(layout.Url);
        if (!url.Success)
        {
            throw new LaunchFailed("with --apis above 1, FLASHSALE_URL must be one scheme://host:port URL");
        }

        var port = int.Parse(url.Groups["port"].Value, CultureInfo.InvariantCulture) + Index;
        return Invariant($"{url.Groups["base"].Value}:{port}");
    }

    [GeneratedRegex(@"^(?<base>https?://[^/:]+):(?<port>[0-9]+)/?$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SchemeHostPort();

    [GeneratedRegex(@"^(?<scheme>https?://)(?:\+|\*|0\.0\.0\.0|\[::\])(?<rest>:|/|$)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Wildcard();
}
