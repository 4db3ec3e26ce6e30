using System.Text;
using Microsoft.Extensions.Options;

namespace FlashSale.PaymentSandbox;

/// <summary>One merchant account of the sandbox; <see cref="Name"/> is its spelling in the configuration.</summary>
internal sealed record PaymentChannel(string Name, string MchId, ResourceCipher Cipher, decimal FeeRate);

/// <summary>The configured channels, found by name in any case; a name not configured is no channel (404).</summary>
internal sealed class PaymentChannels
{
    private readonly Dictionary<string, PaymentChannel> _byName;

    public PaymentChannels(IOptions<SandboxOptions> options)
    {
        _byName = options.Value.Channels.ToDictionary(
            entry => entry.Key,
            entry => new PaymentChannel(entry.Key, entry.Value.MchId, new ResourceCipher(Encoding.ASCII.GetBytes(entry.Value.ApiV3Key)), entry.Value.FeeRate),
            StringComparer.OrdinalIgnoreCase);
        All = [.. _byName.Values.OrderBy(channel => channel.Name, StringComparer.Ordinal)];
    }

    public IReadOnlyList<PaymentChannel> All { get; }

    public PaymentChannel? Find(string? name) => name is null ? null : _byName.GetValueOrDefault(name);

    /// <summary>A channel the route's filter has already found.</summary>
    public PaymentChannel Get(string name) => _byName[name];
}
