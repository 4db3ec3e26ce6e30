using System.Runtime.InteropServices;
using System.Text;

namespace FlashSale.Api.Risk.Signals;

/// <summary>
/// The signals of this node's latest claims (up to <see cref="Capacity"/>, at most <see cref="Memory"/> old; one that
/// comes while another's copy is stalled is left out), for a rule's dry run: what it would have done on the
/// traffic just seen, before it acts on any.
/// <para>
/// Copied into arrays made once, with no reference in them: the signals by position, the ids as UTF-8 into a ring
/// of bytes. At E1's rate a claim's signals and ids would otherwise live for seconds, long enough to be promoted
/// and die in the oldest generation. Measured under E1 (BENCHMARKS.md, "Risk rules and scalpers"), keeping them and
/// the first sightings made each collection about twice as long; at a fixed 4,000 claims/s, keeping no reference
/// per claim anywhere halved the marking through older generations ("Subjects counted by their ids' hashes").
/// </para>
/// </summary>
public sealed class RecentClaims(TimeProvider clock)
{
    public const int Capacity = 50_000;
    public static readonly TimeSpan Memory = TimeSpan.FromMinutes(30);

    // Room for typical ids (a 36-character shopper and device, the fingerprint and an IPv4 range take about 110 bytes);
    // with longer ones the ring wraps before the slots do, and a dry run skips the oldest claims whose ids were overwritten.
    private const int IdBytesPerClaim = 128;
    private const int MaxStackBytes = 512;
    private const int SpinsBeforeLeavingOut = 30;
    private static readonly int Signals = ClaimSignals.Names.Length;

    private readonly double[] _values = new double[Capacity * Signals];
    private readonly Kept[] _kept = new Kept[Capacity];
    // Per slot, odd while a claim is being written into it: a dry run skips a slot that changed under it.
    private readonly long[] _versions = new long[Capacity];
    private readonly byte[] _ids = new byte[Capacity * IdBytesPerClaim];
    private readonly Lock _writing = new();
    private long _next;
    // Bytes ever reserved in the ring: a claim's ids at position p are intact while this is at most p + the ring's length.
    private long _idsReserved;

    public void Add(ClaimSignals claim)
    {
        Span<int> lengths = [Utf8Length(claim.ShopperId), Utf8Length(claim.DeviceId), Utf8Length(claim.Request.Fingerprint), Utf8Length(claim.Request.Prefix)];
        var total = lengths[0] + lengths[1] + lengths[2] + lengths[3];
        // One writer at a time: a writer stalled mid-claim (descheduled on a busy core) would otherwise write its ids
        // into ring bytes handed since to a later claim, which a dry run could not tell apart; and two writers a lap
        // apart would share a slot. A copy takes about 250 ns, so a claim that finds another writing spins (yielding
        // its core, which the writer may be waiting for) and is left out only if that takes longer than a few dozen
        // spins: a writer that lost its core mid-copy must not hold up every claim behind it.
        var spin = default(SpinWait);
        while (!_writing.TryEnter())
        {
            if (spin.Count >= SpinsBeforeLeavingOut)
            {
                return;
            }

            spin.SpinOnce(sleep1Threshold: -1);
        }

        try
        {
            var idsAt = Interlocked.Add(ref _idsReserved, total) - total;
            var slot = (int)(_next++ % Capacity);
            var version = Interlocked.Increment(ref _versions[slot]);
            claim.Values.CopyTo(_values.AsSpan(slot * Signals, Signals));
            var at = idsAt;
            ReadOnlySpan<string> ids = [claim.ShopperId, claim.DeviceId, claim.Request.Fingerprint, claim.Request.Prefix];
            for (var i = 0; i < ids.Length; i++)
            {
                at = WriteId(ids[i], lengths[i], at);
            }

            _kept[slot] = new Kept(claim.CampaignId, claim.GroupId, idsAt, lengths[0], lengths[1], lengths[2], lengths[3],
                claim.Request.MissingBrowserHeaders, claim.At.UtcTicks);
            Volatile.Write(ref _versions[slot], version + 1);
        }
        finally
        {
            _writing.Exit();
        }
    }

    /// <summary>The claims kept, oldest first.</summary>
    public IReadOnlyList<ClaimSignals> Snapshot()
    {
        var since = clock.GetUtcNow() - Memory;
        var claims = new List<ClaimSignals>();
        for (var slot = 0; slot < Capacity; slot++)
        {
            var version = Volatile.Read(ref _versions[slot]);
            if (version == 0 || version % 2 == 1)
            {
                continue;
            }

            var kept = _kept[slot];
            var at = new DateTimeOffset(kept.AtTicks, TimeSpan.Zero);
            if (at < since)
            {
                continue;
            }

            var shopper = ReadId(kept.IdsAt, kept.ShopperLength);
            var device = ReadId(kept.IdsAt + kept.ShopperLength, kept.DeviceLength);
            var fingerprint = ReadId(kept.IdsAt + kept.ShopperLength + kept.DeviceLength, kept.FingerprintLength);
            var prefix = ReadId(kept.IdsAt + kept.ShopperLength + kept.DeviceLength + kept.FingerprintLength, kept.PrefixLength);
            var claim = new ClaimSignals(kept.CampaignId, kept.GroupId, shopper, device,
                new RequestFingerprint(fingerprint, prefix, kept.MissingBrowserHeaders), at);
            _values.AsSpan(slot * Signals, Signals).CopyTo(claim.Values);
            Interlocked.MemoryBarrier();
            if (Volatile.Read(ref _versions[slot]) == version && Volatile.Read(ref _idsReserved) - kept.IdsAt <= _ids.Length)
            {
                claims.Add(claim);
            }
        }

        return [.. claims.OrderBy(c => c.At)];
    }

    private static int Utf8Length(string id) => Encoding.UTF8.GetByteCount(id);

    // Ids are validated to 128 characters; the heap is only for a longer one.
    private static Span<byte> Scratch(int length, Span<byte> stack) => length <= stack.Length ? stack[..length] : new byte[length];

    /// <summary>Writes the id (<paramref name="length"/> bytes in UTF-8) at the ring's position, wrapping at its end; the position after it.</summary>
    private long WriteId(string id, int length, long at)
    {
        var start = (int)(at % _ids.Length);
        if (start + length <= _ids.Length)
        {
            Encoding.UTF8.GetBytes(id, _ids.AsSpan(start, length));
        }
        else
        {
            var bytes = Scratch(length, stackalloc byte[MaxStackBytes]);
            Encoding.UTF8.GetBytes(id, bytes);
            var first = _ids.Length - start;
            bytes[..first].CopyTo(_ids.AsSpan(start));
            bytes[first..].CopyTo(_ids);
        }

        return at + length;
    }

    /// <summary>
    /// The id at the ring's position. Its bytes are copied out before they are decoded: a writer may be overwriting
    /// them meanwhile (the caller then discards the claim), and decoding bytes that change under it throws.
    /// </summary>
    private string ReadId(long at, int length)
    {
        var start = (int)(at % _ids.Length);
        var first = Math.Min(length, _ids.Length - start);
        var bytes = Scratch(length, stackalloc byte[MaxStackBytes]);
        _ids.AsSpan(start, first).CopyTo(bytes);
        _ids.AsSpan(0, length - first).CopyTo(bytes[first..]);
        return Encoding.UTF8.GetString(bytes);
    }

    [StructLayout(LayoutKind.Auto)]
    private readonly record struct Kept(Guid CampaignId, Guid? GroupId, long IdsAt, int ShopperLength, int DeviceLength,
        int FingerprintLength, int PrefixLength, int MissingBrowserHeaders, long AtTicks);
}
