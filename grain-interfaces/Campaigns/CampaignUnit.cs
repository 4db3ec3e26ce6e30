using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace FlashSale.GrainInterfaces.Campaigns;

[GenerateSerializer, Alias("FlashSale.CampaignUnitKind")]
public enum CampaignUnitKind
{
    /// <summary>A tier the shopper picks (e.g. 1,000 × ¥50 off beside 10,000 × ¥10 off), with its own stock and limits.</summary>
    Batch,
    /// <summary>An A/B arm: shoppers are split between variants by a hash, each shopper always to the same one.</summary>
    Variant,
}

/// <summary>
/// One batch or variant of a campaign. Each is a campaign of its own (<see cref="CampaignId"/>, with
/// its own grain, ledger row, stock, limits and live figures) under its parent, which lists them.
/// </summary>
[GenerateSerializer, Immutable, Alias("FlashSale.CampaignUnit")]
public sealed record CampaignUnit(
    [property: Id(0)] CampaignUnitKind Kind,
    [property: Id(1)] string Key,
    [property: Id(2)] string Name,
    [property: Id(3)] Guid CampaignId,
    [property: Id(4)] int Weight);

public static class CampaignUnits
{
    /// <summary>A unit's campaign id, derived from its parent and key, so that API nodes route claims without asking.</summary>
    public static Guid IdOf(Guid parent, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{parent:N}/{key}"));
        // RFC 9562 version 8 (custom) and variant bits, so that it reads as a proper UUID.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    /// <summary>The variant a shopper gets: by weight, from a hash of campaign and shopper, the same on every node and every time.</summary>
    public static CampaignUnit VariantFor(ImmutableArray<CampaignUnit> variants, Guid campaign, string shopperId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{campaign:N}/{shopperId}"));
        var point = (int)(BitConverter.ToUInt32(hash, 0) % (uint)variants.Sum(v => v.Weight));
        foreach (var variant in variants)
        {
            if ((point -= variant.Weight) < 0)
            {
                return variant;
            }
        }

        return variants[^1];
    }
}
